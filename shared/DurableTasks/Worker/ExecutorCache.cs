using DurableTasks.Runtime;

namespace DurableTasks.Worker;

/// <summary>
/// Extended sessions: replay states kept between episodes, least recently used evicted first. An entry
/// is used only when the stored instance is exactly where the cached state left it (same execution, same
/// history length); otherwise the worker falls back to a full replay from the store's history.
/// </summary>
internal sealed class ExecutorCache(int capacity)
{
    private readonly object gate = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> recency = new();

    public int Count
    {
        get { lock (gate) return entries.Count; }
    }

    /// <summary>Removes and returns the cached state if it matches; a stale entry is dropped.</summary>
    public OrchestrationExecutor? TryTake(string instanceId, string executionId, int historyCount)
    {
        lock (gate)
        {
            if (!entries.Remove(instanceId, out var node)) return null;
            recency.Remove(node);
            var entry = node.Value;
            return entry.ExecutionId == executionId && entry.HistoryCount == historyCount ? entry.Executor : null;
        }
    }

    public void Put(string instanceId, string executionId, int historyCount, OrchestrationExecutor executor)
    {
        if (capacity <= 0) return;
        lock (gate)
        {
            if (entries.Remove(instanceId, out var existing)) recency.Remove(existing);
            entries[instanceId] = recency.AddFirst(new Entry(instanceId, executionId, historyCount, executor));
            while (entries.Count > capacity && recency.Last is { } oldest)
            {
                recency.RemoveLast();
                entries.Remove(oldest.Value.InstanceId);
            }
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            entries.Clear();
            recency.Clear();
        }
    }

    private sealed record Entry(string InstanceId, string ExecutionId, int HistoryCount, OrchestrationExecutor Executor);
}
