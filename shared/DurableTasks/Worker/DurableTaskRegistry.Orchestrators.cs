using DurableTasks.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace DurableTasks.Worker;

public sealed partial class DurableTaskRegistry
{
    /// <summary>Registers a class-based orchestrator under its class name (or <paramref name="name"/>).</summary>
    public DurableTaskRegistry AddOrchestrator<TOrchestrator>(string? name = null) where TOrchestrator : class, ITaskOrchestrator
    {
        AddUnique(Orchestrators, name ?? typeof(TOrchestrator).Name, sp => ActivatorUtilities.CreateInstance<TOrchestrator>(sp), "orchestrator");
        return this;
    }

    /// <summary>Registers a function-based orchestrator.</summary>
    public DurableTaskRegistry AddOrchestratorFunc<TInput, TOutput>(string name, Func<TaskOrchestrationContext, TInput, Task<TOutput>> implementation)
    {
        AddUnique(Orchestrators, name, _ => new FuncOrchestrator<TInput, TOutput>(implementation), "orchestrator");
        return this;
    }

    private sealed class FuncOrchestrator<TInput, TOutput>(Func<TaskOrchestrationContext, TInput, Task<TOutput>> implementation)
        : TaskOrchestrator<TInput, TOutput>
    {
        public override Task<TOutput> RunAsync(TaskOrchestrationContext context, TInput input) => implementation(context, input);
    }
}
