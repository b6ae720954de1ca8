using DurableTasks.Abstractions;
using DurableTasks.History;

namespace DurableTasks.Backends.InMemory;

/// <summary>A store in process memory, for fast unit tests. Passes the same contract suite as the durable stores.</summary>
public sealed class InMemoryOrchestrationStore(TimeProvider timeProvider) : IOrchestrationStore
{
    private readonly object gate = new();
    private readonly Dictionary<string, StoredInstance> instances = new(StringComparer.Ordinal);
    private readonly List<QueuedMessage> orchestrationQueue = [];
    private readonly List<QueuedActivity> activityQueue = [];
    private readonly HashSet<string> queuedIds = new(StringComparer.Ordinal);
    private long sequence;

    public WorkSignal Signal { get; } = new();

    public Task InitializeAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<bool> CreateInstanceAsync(InstanceRecord instance, OrchestrationMessage startMessage, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            if (instances.ContainsKey(instance.InstanceId)) return Task.FromResult(false);
            instances[instance.InstanceId] = new StoredInstance(instance);
            Enqueue(startMessage);
        }
        Signal.Pulse();
        return Task.FromResult(true);
    }

    public Task SendAsync(IReadOnlyList<OrchestrationMessage> messages, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            foreach (var m in messages) Enqueue(m);
        }
        Signal.Pulse();
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<OrchestrationWorkItem>> LockOrchestrationsAsync(int max, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        var now = timeProvider.GetUtcNow();
        var result = new List<OrchestrationWorkItem>();
        lock (gate)
        {
            foreach (var group in orchestrationQueue.Where(m => m.Message.VisibleAt <= now).GroupBy(m => m.Message.InstanceId))
            {
                if (result.Count >= max) break;
                if (!instances.TryGetValue(group.Key, out var instance) || instance.LockedUntil > now) continue;
                instance.LockToken = Guid.NewGuid().ToString("N");
                instance.LockedUntil = now + lease;
                result.Add(new OrchestrationWorkItem(instance.Record, group.Select(m => m.Message).ToList(), instance.LockToken));
            }
        }
        return Task.FromResult<IReadOnlyList<OrchestrationWorkItem>>(result);
    }

    public Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            IReadOnlyList<HistoryEvent> history = instances.TryGetValue(instanceId, out var i) ? i.History.ToList() : [];
            return Task.FromResult(history);
        }
    }

    public Task<IReadOnlyList<bool>> CompleteOrchestrationsAsync(IReadOnlyList<OrchestrationCommit> commits, CancellationToken cancellationToken = default)
    {
        var now = timeProvider.GetUtcNow();
        var results = new List<bool>(commits.Count);
        lock (gate)
        {
            foreach (var commit in commits)
            {
                if (!instances.TryGetValue(commit.InstanceId, out var instance) || instance.LockToken != commit.WorkItem.LockToken)
                {
                    results.Add(false);
                    continue;
                }
                if (commit.ResetHistory) instance.History.Clear();
                instance.History.AddRange(commit.NewEvents);
                instance.Record = instance.Record with
                {
                    ExecutionId = commit.ExecutionId,
                    Status = commit.Status,
                    Input = commit.Input ?? instance.Record.Input,
                    Output = commit.Output,
                    CustomStatus = commit.CustomStatus,
                    Failure = commit.Failure,
                    LastUpdatedAt = now,
                    CompletedAt = commit.Status.IsTerminal() ? now : null,
                    HistoryCount = instance.History.Count,
                };
                instance.LockToken = null;
                instance.LockedUntil = DateTimeOffset.MinValue;
                var consumed = commit.WorkItem.Messages.Select(m => m.MessageId).Concat(commit.WithdrawnMessageIds).ToHashSet(StringComparer.Ordinal);
                orchestrationQueue.RemoveAll(m => consumed.Contains(m.Message.MessageId));
                queuedIds.ExceptWith(consumed);
                foreach (var child in commit.NewInstances)
                {
                    instances.TryAdd(child.InstanceId, new StoredInstance(child));
                }
                foreach (var m in commit.OrchestrationMessages) Enqueue(m);
                foreach (var a in commit.ActivityMessages)
                {
                    if (queuedIds.Add(a.MessageId)) activityQueue.Add(new QueuedActivity(a, ++sequence));
                }
                results.Add(true);
            }
        }
        Signal.Pulse();
        return Task.FromResult<IReadOnlyList<bool>>(results);
    }

    public Task AbandonOrchestrationAsync(OrchestrationWorkItem workItem, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            if (instances.TryGetValue(workItem.Instance.InstanceId, out var i) && i.LockToken == workItem.LockToken)
            {
                i.LockToken = null;
                i.LockedUntil = DateTimeOffset.MinValue;
            }
        }
        Signal.Pulse();
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ActivityWorkItem>> LockActivitiesAsync(int max, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        var now = timeProvider.GetUtcNow();
        var result = new List<ActivityWorkItem>();
        lock (gate)
        {
            foreach (var item in activityQueue)
            {
                if (result.Count >= max) break;
                if (item.LockedUntil > now) continue;
                item.LockToken = Guid.NewGuid().ToString("N");
                item.LockedUntil = now + lease;
                item.DequeueCount++;
                result.Add(new ActivityWorkItem(item.Message, item.LockToken, item.DequeueCount));
            }
        }
        return Task.FromResult<IReadOnlyList<ActivityWorkItem>>(result);
    }

    public Task<IReadOnlyList<bool>> CompleteActivitiesAsync(IReadOnlyList<ActivityCompletion> completions, CancellationToken cancellationToken = default)
    {
        var results = new List<bool>(completions.Count);
        lock (gate)
        {
            foreach (var c in completions)
            {
                var index = activityQueue.FindIndex(a => a.Message.MessageId == c.WorkItem.Message.MessageId && a.LockToken == c.WorkItem.LockToken);
                if (index < 0)
                {
                    results.Add(false);
                    continue;
                }
                activityQueue.RemoveAt(index);
                queuedIds.Remove(c.WorkItem.Message.MessageId);
                Enqueue(c.Result);
                results.Add(true);
            }
        }
        Signal.Pulse();
        return Task.FromResult<IReadOnlyList<bool>>(results);
    }

    public Task AbandonActivityAsync(ActivityWorkItem workItem, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            var item = activityQueue.Find(a => a.Message.MessageId == workItem.Message.MessageId && a.LockToken == workItem.LockToken);
            if (item is not null)
            {
                item.LockToken = null;
                item.LockedUntil = DateTimeOffset.MinValue;
            }
        }
        Signal.Pulse();
        return Task.CompletedTask;
    }

    public Task<InstanceRecord?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult(instances.TryGetValue(instanceId, out var i) ? i.Record : null);
        }
    }

    public Task<InstancePage> QueryInstancesAsync(InstanceQuery query, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            var skip = query.ContinuationToken is null ? 0 : int.Parse(query.ContinuationToken, System.Globalization.CultureInfo.InvariantCulture);
            var matches = instances.Values.Select(i => i.Record)
                .Where(r => InstanceQueryMatcher.Matches(query, r))
                .OrderBy(r => r.CreatedAt).ThenBy(r => r.InstanceId, StringComparer.Ordinal)
                .Skip(skip).Take(query.PageSize + 1).ToList();
            var more = matches.Count > query.PageSize;
            if (more) matches.RemoveAt(matches.Count - 1);
            var token = more ? (skip + query.PageSize).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
            return Task.FromResult(new InstancePage(matches, token));
        }
    }

    public Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            if (!instances.TryGetValue(instanceId, out var i) || !i.Record.Status.IsTerminal()) return Task.FromResult(false);
            instances.Remove(instanceId);
            orchestrationQueue.RemoveAll(m => m.Message.InstanceId == instanceId);
            activityQueue.RemoveAll(a => a.Message.InstanceId == instanceId);
            return Task.FromResult(true);
        }
    }

    public Task<(long Orchestration, long Activity)> GetBacklogAsync(CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult(((long)orchestrationQueue.Count, (long)activityQueue.Count));
        }
    }

    private void Enqueue(OrchestrationMessage message)
    {
        if (queuedIds.Add(message.MessageId)) orchestrationQueue.Add(new QueuedMessage(message, ++sequence));
    }

    private sealed class StoredInstance(InstanceRecord record)
    {
        public InstanceRecord Record { get; set; } = record;
        public List<HistoryEvent> History { get; } = [];
        public string? LockToken { get; set; }
        public DateTimeOffset LockedUntil { get; set; } = DateTimeOffset.MinValue;
    }

    private sealed record QueuedMessage(OrchestrationMessage Message, long Sequence);

    private sealed class QueuedActivity(ActivityMessage message, long sequence)
    {
        public ActivityMessage Message { get; } = message;
        public long Sequence { get; } = sequence;
        public string? LockToken { get; set; }
        public DateTimeOffset LockedUntil { get; set; } = DateTimeOffset.MinValue;
        public int DequeueCount { get; set; }
    }
}
