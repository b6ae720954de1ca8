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

    /// <summary>The clock the engine and the app read.</summary>
    public FakeTimeProvider Time => time;

    /// <summary>How long (wall time) the engine may take to drain after one step before the advance gives up.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public DateTimeOffset UtcNow => time.GetUtcNow();

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
            while (await store.NextVisibleAtAsync(target, cancellationToken) is { } next)
            {
                MoveTo(next);
                await DrainAsync(cancellationToken);
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

    private void MoveTo(DateTimeOffset moment)
    {
        if (moment > time.GetUtcNow()) time.SetUtcNow(moment);
        store.Signal.Pulse();
    }
}
