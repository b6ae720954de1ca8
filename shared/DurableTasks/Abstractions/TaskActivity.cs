namespace DurableTasks.Abstractions;

/// <summary>The untyped shape every activity has.</summary>
public interface ITaskActivity
{
    /// <summary>Runs the activity once (it may run more than once: activities must be idempotent).</summary>
    Task<object?> RunAsync(TaskActivityContext context, object? input);

    /// <summary>The CLR type the input is deserialized to.</summary>
    Type InputType { get; }
}

/// <summary>
/// Base class for class-based activities, resolved from dependency injection for every execution.
/// Activities do the I/O; they run at least once, so they must be idempotent.
/// </summary>
public abstract class TaskActivity<TInput, TOutput> : ITaskActivity
{
    /// <inheritdoc />
    public Type InputType => typeof(TInput);

    /// <summary>The activity's work.</summary>
    public abstract Task<TOutput> RunAsync(TaskActivityContext context, TInput input);

    async Task<object?> ITaskActivity.RunAsync(TaskActivityContext context, object? input) =>
        await RunAsync(context, input is null ? default! : (TInput)input);
}

/// <summary>What an activity knows about the call it serves.</summary>
public sealed record TaskActivityContext(string Name, string InstanceId, int TaskId, CancellationToken CancellationToken);
