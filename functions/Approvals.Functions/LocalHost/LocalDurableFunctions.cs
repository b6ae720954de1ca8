using System.Reflection;
using Microsoft.DurableTask;

namespace Approvals.Functions.LocalHost;

/// <summary>
/// Registers the app's orchestration- and activity-triggered functions with the embedded backend's worker, so locally
/// the engine runs the very wrappers Durable Functions runs in Azure (and through them the domain's classes).
/// </summary>
public static class LocalDurableFunctions
{
    public static DurableTaskRegistry Register(DurableTaskRegistry registry, IEnumerable<LocalFunction> functions)
    {
        foreach (var function in functions)
        {
            if (function.IsOrchestration) registry.AddOrchestrator(function.Name, () => new FunctionOrchestrator(function));
            else if (function.IsActivity) registry.AddActivity(function.Name, services => new FunctionActivity(function, services));
        }
        return registry;
    }

    /// <summary>An orchestration function: (context, input) with the input's type from its second parameter.</summary>
    private sealed class FunctionOrchestrator(LocalFunction function) : ITaskOrchestrator
    {
        private readonly ParameterInfo? input = function.Method.GetParameters().FirstOrDefault(p => p != function.TriggerParameter && p.ParameterType != typeof(CancellationToken));

        public Type InputType => input?.ParameterType ?? typeof(object);

        public Type OutputType => FunctionInvoker.ResultType(function.Method);

        public Task<object?> RunAsync(TaskOrchestrationContext context, object? value) =>
            // Orchestrator code needs no services; it must not await anything but the context.
            FunctionInvoker.InvokeAsync(function, EmptyServices.Instance, p => p == function.TriggerParameter ? context : p == input ? value : CancellationToken.None);
    }

    /// <summary>An activity function: its trigger parameter takes the input; its class comes from the activity's scope.</summary>
    private sealed class FunctionActivity(LocalFunction function, IServiceProvider services) : ITaskActivity
    {
        public Type InputType => function.TriggerParameter.ParameterType;

        public Type OutputType => FunctionInvoker.ResultType(function.Method);

        public Task<object?> RunAsync(TaskActivityContext context, object? input) =>
            FunctionInvoker.InvokeAsync(function, services, p => p == function.TriggerParameter ? input : p.ParameterType == typeof(CancellationToken) ? CancellationToken.None : null);
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public static EmptyServices Instance { get; } = new();

        public object? GetService(Type serviceType) => null;
    }
}
