using Approvals.Azure.Tables;
using DurableTasks.Abstractions;
using DurableTasks.Backends;

namespace Approvals.Azure.Engine;

/// <summary>Property names of the instance row (and of its projection in the instances table).</summary>
internal static class InstanceRows
{
    public const string Status = "Status";
    public const string CreatedTicks = "CreatedTicks";
    public const string Version = "Version";
    public const string HistoryCount = "HistoryCount";
    public const string LockToken = "LockToken";
    public const string LockedUntil = "LockedUntil";
    public const string VisibleAt = "VisibleAt";
    public const string Sequence = "Seq";

    /// <summary>The projection of an instance row: same status, creation time and data (a shared payload blob, if any).</summary>
    public static TableEntity Projection(TableEntity instanceRow)
    {
        var row = new TableEntity(instanceRow.PartitionKey, EngineKeys.Instance)
        {
            { Status, instanceRow.GetInt32(Status) ?? 0 },
            { CreatedTicks, instanceRow.GetInt64(CreatedTicks) ?? 0 },
            { Version, instanceRow.GetInt64(Version) ?? 0 },
        };
        row[PayloadStore.DataProperty] = instanceRow.GetString(PayloadStore.DataProperty);
        row[PayloadStore.BlobProperty] = instanceRow.GetString(PayloadStore.BlobProperty);
        return row;
    }

    public static bool IsLocked(TableEntity instanceRow, DateTimeOffset now) =>
        (instanceRow.GetInt64(LockedUntil) ?? 0) > now.UtcTicks && !string.IsNullOrEmpty(instanceRow.GetString(LockToken));

    /// <summary>A merge touching only the lock columns.</summary>
    public static TableEntity LockPatch(string partitionKey, string? token, DateTimeOffset? until) => new(partitionKey, EngineKeys.Instance)
    {
        { LockToken, token ?? "" },
        { LockedUntil, until?.UtcTicks ?? 0L },
    };

    /// <summary>
    /// Whether a client would see the commit (status, data, execution); when not, the projection is left as it is,
    /// saving a write per episode (its history count and last-updated time then lag the instance row).
    /// </summary>
    public static bool ClientVisibleChange(InstanceRecord before, InstanceRecord after) =>
        before.Status != after.Status || before.ExecutionId != after.ExecutionId || before.Input != after.Input || before.Output != after.Output
        || before.CustomStatus != after.CustomStatus || before.Failure != after.Failure;

    public static InstanceRecord Apply(InstanceRecord current, OrchestrationCommit commit, int historyCount, DateTimeOffset now) => current with
    {
        ExecutionId = commit.ExecutionId,
        Status = commit.Status,
        Input = commit.Input ?? current.Input,
        Output = commit.Output,
        CustomStatus = commit.CustomStatus,
        Failure = commit.Failure,
        LastUpdatedAt = now,
        CompletedAt = commit.Status.IsTerminal() ? now : null,
        HistoryCount = historyCount,
    };
}
