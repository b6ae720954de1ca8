namespace DurableTasks.Worker;

/// <summary>Knobs of the embedded worker: concurrency, batching, leases, polling, sessions.</summary>
public sealed record EmbeddedWorkerOptions
{
    /// <summary>Activities executing at once in this process.</summary>
    public int MaxConcurrentActivities { get; init; } = 128;

    /// <summary>Instances locked and committed together in one store transaction.</summary>
    public int OrchestrationBatchSize { get; init; } = 128;

    /// <summary>Activity requests locked together.</summary>
    public int ActivityBatchSize { get; init; } = 128;

    /// <summary>
    /// How long an instance stays locked by a worker that stops answering (wall time). A live worker renews the lease
    /// every third of it, so this bounds only how long a killed worker's instances wait.
    /// </summary>
    public TimeSpan OrchestrationLease { get; init; } = TimeSpan.FromSeconds(6);

    /// <summary>How long an activity request stays locked by a worker that stops answering (wall time); renewed as above.</summary>
    public TimeSpan ActivityLease { get; init; } = TimeSpan.FromSeconds(6);

    /// <summary>The longest an idle worker waits (wall time) before looking again; work written by other processes is found this way.</summary>
    public TimeSpan MaxPollInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// How long (wall time) Microsoft's runtime keeps an idle instance's replay state (extended sessions); zero turns
    /// sessions off. Instances asleep on long timers fall out after this, so memory follows the active set.
    /// </summary>
    public TimeSpan ExtendedSessionIdleTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Timers longer than this are split by Microsoft's runtime into a chain. The store holds a timer of any length, so the
    /// default is long enough that a 90-day commitment window is one timer.
    /// </summary>
    public TimeSpan MaximumTimerInterval { get; init; } = TimeSpan.FromDays(3650);

    /// <summary>
    /// How long (wall time) an instance whose episode failed inside the engine (not in orchestrator code, which fails the
    /// instance) waits before it is tried again: a broken deployment logs once per instance per delay instead of spinning.
    /// </summary>
    public TimeSpan FailedEpisodeRetryDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>On shutdown, how long in-flight activities may finish before their locks are released.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
