namespace DurableTasks.Worker;

/// <summary>Knobs of a worker: concurrency, batching, leases, polling.</summary>
public sealed record DurableTaskWorkerOptions
{
    /// <summary>Activities executing at once in this process.</summary>
    public int MaxConcurrentActivities { get; init; } = 128;

    /// <summary>Instances locked and committed together in one store round trip.</summary>
    public int OrchestrationBatchSize { get; init; } = 128;

    /// <summary>Activity requests locked together.</summary>
    public int ActivityBatchSize { get; init; } = 128;

    /// <summary>How long an instance stays locked by a worker that stops answering (engine time).</summary>
    public TimeSpan OrchestrationLease { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How long an activity request stays locked by a worker that stops answering (engine time).</summary>
    public TimeSpan ActivityLease { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The longest an idle worker waits (real time) before looking for work again; work written by other processes is found this way.</summary>
    public TimeSpan MaxPollInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Replay states kept in memory between episodes (extended sessions); 0 turns them off.</summary>
    public int ExtendedSessionCapacity { get; init; } = 2048;

    /// <summary>On shutdown, how long in-flight activities may finish before their locks are released.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
