using DurableTasks.Backends;
using Microsoft.Extensions.Time.Testing;

namespace DurableTasks.Time;

/// <summary>
/// Moves a <see cref="FakeTimeProvider"/> (Development, tests, the demo) through months of durable timers in order:
/// the clock stops at each due timer, so it fires with the orchestration's time equal to its due time, and the engine
/// drains (no message visible at the new now, queued or locked) before the clock moves on. Leases never read this
/// clock, so a killed worker's work is picked up within seconds whatever the clock says.
/// </summary>
public sealed class VirtualClock(FakeTimeProvider time, IOrchestrationStore store)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly List<IClockDrivenWork> work = [];

    /// <summary>The clock the engine and the app read.</summary>
    public FakeTimeProvider Time => time;

    /// <summary>How long (wall time) the engine may take to drain after one step before the advance gives up.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public DateTimeOffset UtcNow => time.GetUtcNow();

    /// <summary>Makes the clock stop at <paramref name="due"/>'s due times as it does at durable timers.</summary>
    public void Attach(IClockDrivenWork due)
    {
        lock (work) work.Add(due);
    }

    /// <summary>Moves the clock forward by <paramref name="delta"/>, stepping through every timer due on the way.</summary>
    public Task AdvanceAsync(TimeSpan delta, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        return AdvanceToAsync(time.GetUtcNow() + delta, cancellationToken);
    }

    /// <summary>Moves the clock to <paramref name="target"/> (never backward), stepping through every timer due on the way.</summary>
    public async Task AdvanceToAsync(DateTimeOffset target, CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            await DrainAsync(cancellationToken);
            while (Earliest(await store.NextVisibleAtAsync(target, cancellationToken), NextWorkAt(target)) is { } next)
            {
                MoveTo(next);
                await DrainAsync(cancellationToken);
                await RunDueWorkAsync(cancellationToken);
            }
            if (target > time.GetUtcNow())
            {
                MoveTo(target);
                await DrainAsync(cancellationToken);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Waits (wall time) until no message is visible at the current time.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(DrainTimeout);
        try
        {
            while (true)
            {
                var wake = store.Signal.Next;
                if (!await store.HasDueWorkAsync(timeout.Token)) return;
                try
                {
                    await wake.WaitAsync(TimeSpan.FromMilliseconds(50), timeout.Token);
                }
                catch (TimeoutException)
                {
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The engine did not drain within {DrainTimeout.TotalSeconds:F0} s at {time.GetUtcNow():u}: is a worker running?");
        }
    }

    private DateTimeOffset? NextWorkAt(DateTimeOffset target)
    {
        lock (work)
        {
            return work.Select(w => w.NextDueAt).Where(d => d is { } at && at <= target).Min();
        }
    }

    private async Task RunDueWorkAsync(CancellationToken cancellationToken)
    {
        IClockDrivenWork[] attached;
        lock (work) attached = [.. work];
        var now = time.GetUtcNow();
        foreach (var due in attached.Where(w => w.NextDueAt is { } at && at <= now))
        {
            await due.RunDueAsync(now, cancellationToken);
            await DrainAsync(cancellationToken);
        }
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : (a < b ? a : b);

    private void MoveTo(DateTimeOffset moment)
    {
        if (moment > time.GetUtcNow()) time.SetUtcNow(moment);
        store.Signal.Pulse();
    }
}
