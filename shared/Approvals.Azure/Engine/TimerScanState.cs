using System.Diagnostics;

namespace Approvals.Azure.Engine;

/// <summary>
/// When this process should look at the due-time index again: once the store's clock reaches the earliest due time
/// it knows of (a controllable clock may jump months ahead), or after a real-time interval (another process may have
/// indexed an earlier timer).
/// </summary>
internal sealed class TimerScanState
{
    private readonly object gate = new();
    private readonly Stopwatch sinceScan = new();
    private long nextDueTicks = long.MinValue;

    public bool IsDue(DateTimeOffset now, TimeSpan interval)
    {
        lock (gate)
        {
            return !sinceScan.IsRunning || sinceScan.Elapsed >= interval || now.UtcTicks >= nextDueTicks;
        }
    }

    /// <summary>A scan finished: <paramref name="nextDue"/> is the earliest due time it saw still ahead (null: none).</summary>
    public void Scanned(DateTimeOffset? nextDue)
    {
        lock (gate)
        {
            sinceScan.Restart();
            nextDueTicks = nextDue?.UtcTicks ?? long.MaxValue;
        }
    }

    /// <summary>This process indexed a message due at <paramref name="due"/>.</summary>
    public void Saw(DateTimeOffset due)
    {
        lock (gate)
        {
            nextDueTicks = Math.Min(nextDueTicks, due.UtcTicks);
        }
    }
}
