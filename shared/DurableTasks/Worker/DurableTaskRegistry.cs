namespace DurableTasks.Worker;

/// <summary>The orchestrators and activities a worker can run, by name (case-insensitive).</summary>
public sealed partial class DurableTaskRegistry
{
    internal Dictionary<string, Func<IServiceProvider, Abstractions.ITaskOrchestrator>> Orchestrators { get; } = new(StringComparer.OrdinalIgnoreCase);

    internal Dictionary<string, Func<IServiceProvider, Abstractions.ITaskActivity>> Activities { get; } = new(StringComparer.OrdinalIgnoreCase);

    private static void AddUnique<T>(Dictionary<string, T> map, string name, T value, string kind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!map.TryAdd(name, value))
        {
            throw new ArgumentException($"An {kind} named '{name}' is already registered.", nameof(name));
        }
    }
}
