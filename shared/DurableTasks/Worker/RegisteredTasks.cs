using Microsoft.DurableTask;

namespace DurableTasks.Worker;

/// <summary>The orchestrators and activities of a <see cref="DurableTaskRegistry"/>, by name (case-insensitive, as task names are).</summary>
public sealed class RegisteredTasks
{
    private readonly Dictionary<string, Func<IServiceProvider, ITaskOrchestrator>> orchestrators = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Func<IServiceProvider, ITaskActivity>> activities = new(StringComparer.OrdinalIgnoreCase);

    public RegisteredTasks(DurableTaskRegistry registry)
    {
        foreach (var (name, factory) in registry.GetOrchestrators()) orchestrators[name.Name] = factory;
        foreach (var (name, factory) in registry.GetActivities()) activities[name.Name] = factory;
    }

    /// <summary>Registers with <paramref name="register"/> and indexes the result.</summary>
    public static RegisteredTasks From(Action<DurableTaskRegistry> register)
    {
        var registry = new DurableTaskRegistry();
        register(registry);
        return new RegisteredTasks(registry);
    }

    public bool TryGetOrchestrator(string name, out Func<IServiceProvider, ITaskOrchestrator> factory) =>
        orchestrators.TryGetValue(name, out factory!);

    public bool TryGetActivity(string name, out Func<IServiceProvider, ITaskActivity> factory) =>
        activities.TryGetValue(name, out factory!);
}
