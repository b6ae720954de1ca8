using Approvals.Azure.Queues;
using Approvals.Azure.Tables;
using Azure;
using DurableTasks.Backends;

namespace Approvals.Azure.Engine;

/// <summary>What a worker's lock on one instance needs at commit time (kept in memory by the process that locked it).</summary>
internal sealed class LockContext(string instanceId, string lockToken, TableEntity instanceRow, InstanceRecord record)
{
    public string InstanceId { get; } = instanceId;

    public string PartitionKey { get; } = EngineKeys.Escape(instanceId);

    public string LockToken { get; } = lockToken;

    /// <summary>The instance row as last written by this lock holder; its ETag guards every write of the episode.</summary>
    public TableEntity InstanceRow { get; set; } = instanceRow;

    public ETag ETag { get; set; } = instanceRow.ETag;

    public InstanceRecord Record { get; } = record;

    public long Version => InstanceRow.GetInt64(InstanceRows.Version) ?? 0;

    public int HistoryCount => InstanceRow.GetInt32(InstanceRows.HistoryCount) ?? 0;

    /// <summary>Inbox row keys present when the lock was taken (withdrawn timers are deleted only if present).</summary>
    public HashSet<string> Inbox { get; } = new(StringComparer.Ordinal);

    /// <summary>Control-queue hints that led here: deleted once the episode's effects are out, re-shown if it is abandoned.</summary>
    public List<QueueMessage> Hints { get; } = [];

    /// <summary>Due-time index rows that led here: deleted once their messages are consumed.</summary>
    public List<TableEntity> Timers { get; } = [];
}
