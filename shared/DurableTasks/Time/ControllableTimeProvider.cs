namespace DurableTasks.Time;

/// <summary>
/// A clock that moves only when told to. Tests and the demo use it to run months of deadlines in
/// milliseconds: <see cref="Advance"/> moves time forward, fires the timers that fall due (in due order),
/// and tells listeners (workers wake up and deliver durable timers that are now visible).
/// </summary>
public sealed class ControllableTimeProvider : TimeProvider
{
    private readonly object gate = new();
    private readonly List<ManualTimer> timers = [];
    private readonly TimeZoneInfo localTimeZone;
    private DateTimeOffset now;

    public ControllableTimeProvider(DateTimeOffset start, TimeZoneInfo? localTimeZone = null)
    {
        now = start.ToUniversalTime();
        this.localTimeZone = localTimeZone ?? TimeZoneInfo.Utc;
    }

    /// <summary>Raised after every move of the clock.</summary>
    public event Action? Advanced;

    public override TimeZoneInfo LocalTimeZone => localTimeZone;

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate) return now;
    }

    /// <summary>Moves the clock forward by <paramref name="delta"/> (never backward).</summary>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        DateTimeOffset target;
        lock (gate) target = now + delta;
        AdvanceTo(target);
    }

    /// <summary>Moves the clock to <paramref name="target"/> if it is later than now.</summary>
    public void AdvanceTo(DateTimeOffset target)
    {
        target = target.ToUniversalTime();
        while (true)
        {
            ManualTimer? due;
            lock (gate)
            {
                due = timers.Where(t => t.DueAt <= target).MinBy(t => t.DueAt);
                if (due is null)
                {
                    if (target > now) now = target;
                    break;
                }
                if (due.DueAt > now) now = due.DueAt;
                due.Reschedule();
            }
            due.Fire();
        }
        Advanced?.Invoke();
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private sealed class ManualTimer(ControllableTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan period = Timeout.InfiniteTimeSpan;

        public DateTimeOffset DueAt { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner.gate)
            {
                owner.timers.Remove(this);
                this.period = period;
                if (dueTime == Timeout.InfiniteTimeSpan) return true;
                DueAt = owner.now + dueTime;
                owner.timers.Add(this);
            }
            if (dueTime == TimeSpan.Zero) owner.AdvanceTo(owner.GetUtcNow());
            return true;
        }

        // Called under the owner's lock: a periodic timer comes back one period later, a one-shot leaves.
        public void Reschedule()
        {
            owner.timers.Remove(this);
            if (period > TimeSpan.Zero && period != Timeout.InfiniteTimeSpan)
            {
                DueAt += period;
                owner.timers.Add(this);
            }
        }

        public void Fire() => callback(state);

        public void Dispose()
        {
            lock (owner.gate) owner.timers.Remove(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
