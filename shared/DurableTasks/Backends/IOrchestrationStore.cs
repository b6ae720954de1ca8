using P = Microsoft.DurableTask.Protobuf;

namespace DurableTasks.Backends;

/// <summary>
/// Where the embedded backend keeps instances, histories and messages. Business time (timers, timestamps) comes from
/// the store's <see cref="TimeProvider"/>; leases run on the wall clock.
/// </summary>
public interface IOrchestrationStore
{
    /// <summary>Creates the tables the store needs. Idempotent.</summary>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>Creates the instance and sends its start message together; false (and nothing written) when the id exists.</summary>
    Task<bool> CreateInstanceAsync(InstanceRecord instance, OrchestrationMessage startMessage, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends messages to instances (events, termination, suspension). A message id already queued is ignored, and so is
    /// a remembered id already delivered to that instance.
    /// </summary>
    Task SendAsync(IReadOnlyList<OrchestrationMessage> messages, CancellationToken cancellationToken = default);

    /// <summary>Locks up to <paramref name="max"/> unlocked instances that have visible messages.</summary>
    Task<IReadOnlyList<OrchestrationWorkItem>> LockOrchestrationsAsync(int max, TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>The current execution's history, oldest first.</summary>
    Task<IReadOnlyList<P.HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies episode results, each in the same transaction as the deletion of its consumed messages. A commit succeeds
    /// only if its lock is still held; the answer says, per commit, whether it was applied.
    /// </summary>
    Task<IReadOnlyList<bool>> CompleteOrchestrationsAsync(IReadOnlyList<OrchestrationCommit> commits, CancellationToken cancellationToken = default);

    /// <summary>
    /// Releases a lock without changes, so the messages are delivered again; not before <paramref name="retryAfter"/>
    /// (wall time) has passed, so an episode that keeps failing in the engine does not spin.
    /// </summary>
    Task AbandonOrchestrationAsync(OrchestrationWorkItem workItem, TimeSpan retryAfter, CancellationToken cancellationToken = default);

    /// <summary>Locks up to <paramref name="max"/> visible activity requests.</summary>
    Task<IReadOnlyList<ActivityWorkItem>> LockActivitiesAsync(int max, TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>Deletes executed requests and sends their results; per item, false when its lease was lost.</summary>
    Task<IReadOnlyList<bool>> CompleteActivitiesAsync(IReadOnlyList<ActivityCompletion> completions, CancellationToken cancellationToken = default);

    /// <summary>
    /// Extends to now + <paramref name="lease"/> (wall time) every lease still held under these lock tokens, instances and
    /// activity requests alike: a live worker keeps its work however long it takes, while a killed one's leases run out
    /// within one short lease.
    /// </summary>
    Task RenewLeasesAsync(IReadOnlyCollection<string> lockTokens, TimeSpan lease, CancellationToken cancellationToken = default);

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

    /// <summary>True while some message is visible at the store's now (queued, or locked by a worker): the engine is not drained.</summary>
    Task<bool> HasDueWorkAsync(CancellationToken cancellationToken = default);

    /// <summary>The earliest time after now and no later than <paramref name="until"/> at which a message becomes visible, or null.</summary>
    Task<DateTimeOffset?> NextVisibleAtAsync(DateTimeOffset until, CancellationToken cancellationToken = default);

    /// <summary>Signals in-process workers that work may be available (a commit or send happened here).</summary>
    WorkSignal Signal { get; }
}
