using System.Collections.Concurrent;
using DurableTasks.Backends;
using Microsoft.Extensions.Logging;

namespace DurableTasks.Worker;

/// <summary>
/// Keeps the leases of the work this worker holds alive: every third of the lease it renews each lock token still in
/// use. Leases can then be short, so work a killed process held is handed on within seconds, while a long episode or
/// activity in a live process keeps its lock.
/// </summary>
internal sealed class LeaseKeeper(IOrchestrationStore store, TimeSpan lease, ILogger logger)
{
    private readonly ConcurrentDictionary<string, int> held = new(StringComparer.Ordinal);

    public TimeSpan Lease => lease;

    /// <summary>One more piece of work under <paramref name="lockToken"/>.</summary>
    public void Hold(string lockToken) => held.AddOrUpdate(lockToken, 1, (_, n) => n + 1);

    /// <summary>One piece of work under <paramref name="lockToken"/> is done (committed, completed or given up).</summary>
    public void Release(string lockToken)
    {
        while (held.TryGetValue(lockToken, out var n))
        {
            if (n <= 1 ? held.TryRemove(new KeyValuePair<string, int>(lockToken, n)) : held.TryUpdate(lockToken, n - 1, n)) return;
        }
    }

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromTicks(Math.Max(lease.Ticks / 3, TimeSpan.FromMilliseconds(10).Ticks));
        using var timer = new PeriodicTimer(every, TimeProvider.System);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var tokens = held.Keys.ToList();
                if (tokens.Count == 0) continue;
                try
                {
                    await store.RenewLeasesAsync(tokens, lease, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A renewal that fails is tried again at the next tick; if the lease runs out meanwhile, the commit
                    // finds the lock gone and the work runs again (at-least-once), as after a crash.
                    logger.LogWarning("Renewing {Count} leases failed: {Problem}", tokens.Count, ex.GetBaseException().Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
