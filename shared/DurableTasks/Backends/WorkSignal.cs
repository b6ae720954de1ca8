namespace DurableTasks.Backends;

/// <summary>
/// A wake-up for idle workers in the same process: pulsed when a store writes messages or the clock moves,
/// so workers need not poll fast. Workers in other processes still find the work by polling.
/// </summary>
public sealed class WorkSignal
{
    private TaskCompletionSource pulse = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Completes at the next pulse. Take it before looking for work, then await it if none was found,
    /// so a pulse between the look and the wait is not missed.
    /// </summary>
    public Task Next => Volatile.Read(ref pulse).Task;

    /// <summary>Wakes every waiter.</summary>
    public void Pulse() => Interlocked.Exchange(ref pulse, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
