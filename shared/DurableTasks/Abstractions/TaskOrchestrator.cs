namespace DurableTasks.Abstractions;

/// <summary>The untyped shape every orchestrator has; the worker calls it with raw JSON input.</summary>
public interface ITaskOrchestrator
{
    /// <summary>Runs (or replays) the orchestration.</summary>
    Task<object?> RunAsync(TaskOrchestrationContext context, object? input);

    /// <summary>The CLR type the input is deserialized to.</summary>
    Type InputType { get; }
}

/// <summary>
/// Base class for class-based orchestrators. The code must be deterministic: read time from
/// <see cref="TaskOrchestrationContext.CurrentUtcDateTime"/>, ids from <see cref="TaskOrchestrationContext.NewGuid"/>,
/// randomness from <see cref="TaskOrchestrationContext.Random"/>, and do I/O only through activities.
/// Never use <c>ConfigureAwait(false)</c> or <c>Task.Run</c> inside an orchestrator.
/// </summary>
public abstract class TaskOrchestrator<TInput, TOutput> : ITaskOrchestrator
{
    /// <inheritdoc />
    public Type InputType => typeof(TInput);

    /// <summary>The orchestration's logic.</summary>
    public abstract Task<TOutput> RunAsync(TaskOrchestrationContext context, TInput input);

    async Task<object?> ITaskOrchestrator.RunAsync(TaskOrchestrationContext context, object? input) =>
        await RunAsync(context, input is null ? default! : (TInput)input);
}
