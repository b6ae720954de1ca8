using System.Collections.Concurrent;

namespace DurableTasks.Worker;

/// <summary>
/// What this worker believes Microsoft's <c>ExtendedSessionsCache</c> holds: per instance, the execution and history
/// length its cached replay state stands for. An episode may skip the history only when the stored instance is exactly
/// there (a lost lease or another worker's commit moves it on); the runtime answers <c>RequiresHistory</c> when the
/// cache dropped the entry meanwhile, and the episode runs again with the history.
/// </summary>
internal sealed class SessionLedger(TimeProvider wallClock, TimeSpan idleTimeout)
{
    private readonly ConcurrentDictionary<string, (string ExecutionId, int HistoryCount, long TouchedTicks)> entries = new(StringComparer.Ordinal);

    public bool Enabled => idleTimeout > TimeSpan.Zero;

    public int Count => entries.Count;

    public bool IsCurrent(string instanceId, string executionId, int historyCount) =>
        Enabled
        && entries.TryGetValue(instanceId, out var entry)
        && entry.ExecutionId == executionId
        && entry.HistoryCount == historyCount
        && wallClock.GetUtcNow().UtcTicks - entry.TouchedTicks < idleTimeout.Ticks / 2;

    public void Record(string instanceId, string executionId, int historyCount)
    {
        if (!Enabled) return;
        entries[instanceId] = (executionId, historyCount, wallClock.GetUtcNow().UtcTicks);
        if (entries.Count > 4096 && entries.Count % 1024 == 0) Prune();
    }

    public void Forget(string instanceId) => entries.TryRemove(instanceId, out _);

    private void Prune()
    {
        var stale = wallClock.GetUtcNow().UtcTicks - idleTimeout.Ticks;
        foreach (var (id, entry) in entries)
        {
            if (entry.TouchedTicks < stale) entries.TryRemove(id, out _);
        }
    }
}
