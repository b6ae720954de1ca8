using DurableTasks.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace DurableTasks.Worker;

public sealed partial class DurableTaskRegistry
{
    /// <summary>Registers a class-based activity, resolved with its dependencies for each execution.</summary>
    public DurableTaskRegistry AddActivity<TActivity>(string? name = null) where TActivity : class, ITaskActivity
    {
        AddUnique(Activities, name ?? typeof(TActivity).Name, sp => ActivatorUtilities.CreateInstance<TActivity>(sp), "activity");
        return this;
    }

    /// <summary>Registers a function-based activity.</summary>
    public DurableTaskRegistry AddActivityFunc<TInput, TOutput>(string name, Func<TaskActivityContext, TInput, Task<TOutput>> implementation)
    {
        AddUnique(Activities, name, _ => new FuncActivity<TInput, TOutput>(implementation), "activity");
        return this;
    }

    /// <summary>Registers a synchronous function-based activity.</summary>
    public DurableTaskRegistry AddActivityFunc<TInput, TOutput>(string name, Func<TaskActivityContext, TInput, TOutput> implementation) =>
        AddActivityFunc<TInput, TOutput>(name, (ctx, input) => Task.FromResult(implementation(ctx, input)));

    private sealed class FuncActivity<TInput, TOutput>(Func<TaskActivityContext, TInput, Task<TOutput>> implementation)
        : TaskActivity<TInput, TOutput>
    {
        public override Task<TOutput> RunAsync(TaskActivityContext context, TInput input) => implementation(context, input);
    }
}
