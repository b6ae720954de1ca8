using DurableTasks.History;

namespace DurableTasks.Backends;

/// <summary>
/// Where the engine keeps instances, histories and messages. Every backend (in-memory, SQLite,
/// Azure Storage) implements this and passes the same contract test suite.
/// </summary>
public interface IOrchestrationStore
{
    /// <summary>Creates tables, queues or files the store needs. Idempotent.</summary>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>Creates the instance and sends its start message together; false (and nothing written) when the id exists.</summary>
    Task<bool> CreateInstanceAsync(InstanceRecord instance, OrchestrationMessage startMessage, CancellationToken cancellationToken = default);

    /// <summary>Sends messages to instances (events, termination); a message id already queued is ignored.</summary>
    Task SendAsync(IReadOnlyList<OrchestrationMessage> messages, CancellationToken cancellationToken = default);

    /// <summary>Locks up to <paramref name="max"/> unlocked instances that have visible messages.</summary>
    Task<IReadOnlyList<OrchestrationWorkItem>> LockOrchestrationsAsync(int max, TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>The current execution's history, oldest first.</summary>
    Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies episode results. Each commit succeeds only if its lock is still held; the answer says,
    /// per commit, whether it was applied (false: the lease was lost and another worker owns the instance).
    /// </summary>
    Task<IReadOnlyList<bool>> CompleteOrchestrationsAsync(IReadOnlyList<OrchestrationCommit> commits, CancellationToken cancellationToken = default);

    /// <summary>Releases a lock without changes, so the messages are delivered again.</summary>
    Task AbandonOrchestrationAsync(OrchestrationWorkItem workItem, CancellationToken cancellationToken = default);

    /// <summary>Locks up to <paramref name="max"/> visible activity requests.</summary>
    Task<IReadOnlyList<ActivityWorkItem>> LockActivitiesAsync(int max, TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>Deletes executed requests and sends their results; per item, false when its lease was lost.</summary>
    Task<IReadOnlyList<bool>> CompleteActivitiesAsync(IReadOnlyList<ActivityCompletion> completions, CancellationToken cancellationToken = default);

    /// <summary>Releases an activity lock so another worker runs it.</summary>
    Task AbandonActivityAsync(ActivityWorkItem workItem, CancellationToken cancellationToken = default);

    /// <summary>The instance, or null.</summary>
    Task<InstanceRecord?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>Instances matching the query, oldest first.</summary>
    Task<InstancePage> QueryInstancesAsync(InstanceQuery query, CancellationToken cancellationToken = default);

    /// <summary>Deletes a finished instance with its history and messages; false when absent or still running.</summary>
    Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>Messages waiting (visible now or later): orchestration and activity backlog, for metrics and tests.</summary>
    Task<(long Orchestration, long Activity)> GetBacklogAsync(CancellationToken cancellationToken = default);

    /// <summary>Signals in-process workers that work may be available (a commit or send happened here).</summary>
    WorkSignal Signal { get; }
}
