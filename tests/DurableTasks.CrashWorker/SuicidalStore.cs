using DurableTasks.Backends;
using P = Microsoft.DurableTask.Protobuf;

namespace DurableTasks.CrashWorker;

/// <summary>
/// Wraps the worker's store and kills its own process (SIGKILL, no cleanup) right after a chosen call returns: after an
/// episode commit (the activity requests are written, none has run) or after activities are locked (claimed, not
/// executed). Random kills from outside rarely land exactly there; these land there by construction.
/// </summary>
internal sealed class SuicidalStore(IOrchestrationStore inner, string point, int afterCalls) : IOrchestrationStore
{
    private int calls;

    public WorkSignal Signal => inner.Signal;

    public Task InitializeAsync(CancellationToken cancellationToken = default) => inner.InitializeAsync(cancellationToken);

    public Task<bool> CreateInstanceAsync(InstanceRecord instance, OrchestrationMessage startMessage, CancellationToken cancellationToken = default) =>
        inner.CreateInstanceAsync(instance, startMessage, cancellationToken);

    public Task SendAsync(IReadOnlyList<OrchestrationMessage> messages, CancellationToken cancellationToken = default) => inner.SendAsync(messages, cancellationToken);

    public Task<IReadOnlyList<OrchestrationWorkItem>> LockOrchestrationsAsync(int max, TimeSpan lease, CancellationToken cancellationToken = default) =>
        inner.LockOrchestrationsAsync(max, lease, cancellationToken);

    public Task<IReadOnlyList<P.HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken = default) => inner.GetHistoryAsync(instanceId, cancellationToken);

    public async Task<IReadOnlyList<bool>> CompleteOrchestrationsAsync(IReadOnlyList<OrchestrationCommit> commits, CancellationToken cancellationToken = default)
    {
        var applied = await inner.CompleteOrchestrationsAsync(commits, cancellationToken);
        if (point == "after-commit" && commits.Any(c => c.ActivityMessages.Count > 0)) MaybeDie();
        return applied;
    }

    public Task AbandonOrchestrationAsync(OrchestrationWorkItem workItem, TimeSpan retryAfter, CancellationToken cancellationToken = default) =>
        inner.AbandonOrchestrationAsync(workItem, retryAfter, cancellationToken);

    public async Task<IReadOnlyList<ActivityWorkItem>> LockActivitiesAsync(int max, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        var items = await inner.LockActivitiesAsync(max, lease, cancellationToken);
        if (point == "after-activity-lock" && items.Count > 0) MaybeDie();
        return items;
    }

    public Task<IReadOnlyList<bool>> CompleteActivitiesAsync(IReadOnlyList<ActivityCompletion> completions, CancellationToken cancellationToken = default) =>
        inner.CompleteActivitiesAsync(completions, cancellationToken);

    public Task RenewLeasesAsync(IReadOnlyCollection<string> lockTokens, TimeSpan lease, CancellationToken cancellationToken = default) =>
        inner.RenewLeasesAsync(lockTokens, lease, cancellationToken);

    public Task AbandonActivityAsync(ActivityWorkItem workItem, CancellationToken cancellationToken = default) => inner.AbandonActivityAsync(workItem, cancellationToken);

    public Task<InstanceRecord?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken = default) => inner.GetInstanceAsync(instanceId, cancellationToken);

    public Task<InstancePage> QueryInstancesAsync(InstanceQuery query, CancellationToken cancellationToken = default) => inner.QueryInstancesAsync(query, cancellationToken);

    public Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default) => inner.PurgeInstanceAsync(instanceId, cancellationToken);

    public Task<(long Orchestration, long Activity)> GetBacklogAsync(CancellationToken cancellationToken = default) => inner.GetBacklogAsync(cancellationToken);

    public Task<bool> HasDueWorkAsync(CancellationToken cancellationToken = default) => inner.HasDueWorkAsync(cancellationToken);

    public Task<DateTimeOffset?> NextVisibleAtAsync(DateTimeOffset until, CancellationToken cancellationToken = default) => inner.NextVisibleAtAsync(until, cancellationToken);

    private void MaybeDie()
    {
        if (Interlocked.Increment(ref calls) < afterCalls) return;
        Console.Out.Flush();
        System.Diagnostics.Process.GetCurrentProcess().Kill();
    }
}
