namespace Approvals.Azure.Engine;

/// <summary>
/// Settings of <see cref="AzureStorageOrchestrationStore"/>: the storage account, the names of its tables, queues and
/// container, payload and batching limits, and the real-time intervals of its recovery scans.
/// </summary>
public sealed record AzureStorageOrchestrationStoreOptions
{
    /// <summary>A storage connection string (Azurite or an account key).</summary>
    public string? ConnectionString { get; init; }

    /// <summary>Per-instance partitions: the instance row, history, inbox and outbox rows (the source of truth).</summary>
    public string HistoryTable { get; init; } = "ApprovalsHistory";

    /// <summary>One row per instance for reads and queries, written after each commit (a projection of the instance row).</summary>
    public string InstancesTable { get; init; } = "ApprovalsInstances";

    /// <summary>Due-time index of delayed messages (timers, delayed starts), checked against the store's clock.</summary>
    public string TimersTable { get; init; } = "ApprovalsTimers";

    /// <summary>Wake-up hints for orchestration work: the instance id and when its message is due.</summary>
    public string ControlQueue { get; init; } = "approvals-control";

    /// <summary>Activity requests (or a reference to a payload blob holding one).</summary>
    public string ActivityQueue { get; init; } = "approvals-activities";

    /// <summary>Payloads too large for a table property or a queue message.</summary>
    public string PayloadContainer { get; init; } = "approvals-payloads";

    /// <summary>
    /// A JSON value larger than this (as UTF-16, the way Table storage counts a string property; the limit is 64 KiB)
    /// goes to a blob and the row keeps its name.
    /// </summary>
    public int MaxInlinePayloadBytes { get; init; } = 48 * 1024;

    /// <summary>Activity requests larger than this (UTF-8 JSON) travel as a blob reference; a queue message holds 64 KiB of base64.</summary>
    public int MaxQueuePayloadBytes { get; init; } = 32 * 1024;

    /// <summary>Messages taken into one episode at most, so the commit's deletes fit in its entity-group transaction.</summary>
    public int MaxMessagesPerWorkItem { get; init; } = 64;

    /// <summary>How often (real time) a process looks at the due-time index even when its own clock did not reach a known due time.</summary>
    public TimeSpan TimerScanInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How often (real time) a process scans the history table for inbox and outbox rows whose wake-up was lost
    /// (a crash between writing a row and sending its queue hint). A full-table scan: keep it rare in production.
    /// </summary>
    public TimeSpan SweepInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>When a hint finds its instance locked by a live worker, how long (at least) it hides before looking again.</summary>
    public TimeSpan LockedRetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Creates the tables, queues and container on <see cref="AzureStorageOrchestrationStore.InitializeAsync"/>.</summary>
    public bool CreateResources { get; init; } = true;
}
