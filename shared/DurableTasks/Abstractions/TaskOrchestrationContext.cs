using Microsoft.Extensions.Logging;

namespace DurableTasks.Abstractions;

/// <summary>
/// What orchestrator code sees: durable calls that are recorded in the history and replayed.
/// Names and shapes follow Microsoft.DurableTask so that orchestrations can move to Durable Functions.
/// </summary>
public abstract class TaskOrchestrationContext
{
    /// <summary>The instance being run.</summary>
    public abstract string InstanceId { get; }

    /// <summary>The orchestrator's registered name.</summary>
    public abstract string Name { get; }

    /// <summary>The current execution (changes on <see cref="ContinueAsNew"/>).</summary>
    public abstract string ExecutionId { get; }

    /// <summary>Replay-safe "now": the time the current episode started, identical on every replay.</summary>
    public abstract DateTime CurrentUtcDateTime { get; }

    /// <summary>True while the code re-runs steps already recorded in history.</summary>
    public abstract bool IsReplaying { get; }

    /// <summary>A random source seeded from the instance: the same draws on every replay.</summary>
    public abstract Random Random { get; }

    /// <summary>Calls an activity and returns its deserialized result.</summary>
    public abstract Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, TaskOptions? options = null);

    /// <summary>Calls an activity that returns nothing.</summary>
    public Task CallActivityAsync(string name, object? input = null, TaskOptions? options = null) =>
        CallActivityAsync<object?>(name, input, options);

    /// <summary>
    /// A durable timer: completes at <paramref name="fireAt"/> (UTC), never earlier. Cancelling the token
    /// cancels the timer; a cancelled timer never fires into the history.
    /// </summary>
    public abstract Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken);

    /// <summary>A durable timer that fires after <paramref name="delay"/> from <see cref="CurrentUtcDateTime"/>.</summary>
    public Task CreateTimer(TimeSpan delay, CancellationToken cancellationToken) =>
        CreateTimer(CurrentUtcDateTime.Add(delay), cancellationToken);

    /// <summary>
    /// Waits for the next external event of this name. Events that arrived before the wait are buffered and
    /// delivered in arrival order.
    /// </summary>
    public abstract Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default);

    /// <summary>Runs another orchestration as a child and returns its output.</summary>
    public abstract Task<TResult> CallSubOrchestratorAsync<TResult>(string orchestratorName, object? input = null, SubOrchestrationOptions? options = null);

    /// <summary>Ends this execution and starts a fresh one with <paramref name="newInput"/> and an empty history.</summary>
    public abstract void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true);

    /// <summary>Publishes a status object clients can read without replaying the orchestration.</summary>
    public abstract void SetCustomStatus(object? customStatus);

    /// <summary>A GUID that is the same on every replay.</summary>
    public abstract Guid NewGuid();

    /// <summary>A logger that stays silent while replaying, so each line is written once.</summary>
    public abstract ILogger CreateReplaySafeLogger(ILogger logger);
}
