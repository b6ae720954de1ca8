namespace DurableTasks.Time;

/// <summary>
/// Work outside the engine that falls due on the clock (a host's timer triggers). Attached to a
/// <see cref="VirtualClock"/>, the clock stops at each of its due times too, runs it there, and drains the engine
/// before moving on, so it sees exactly the state of that moment.
/// </summary>
public interface IClockDrivenWork
{
    /// <summary>When this work is next due; null when never.</summary>
    DateTimeOffset? NextDueAt { get; }

    /// <summary>Runs every occurrence due at or before <paramref name="now"/>, in order.</summary>
    Task RunDueAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
