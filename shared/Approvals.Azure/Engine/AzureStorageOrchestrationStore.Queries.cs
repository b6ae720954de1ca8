using System.Globalization;
using Approvals.Azure.Storage;
using Approvals.Azure.Tables;
using DurableTasks.Abstractions;
using DurableTasks.Backends;

namespace Approvals.Azure.Engine;

public sealed partial class AzureStorageOrchestrationStore
{
    /// <summary>
    /// Filters on the service (status, creation ticks, id prefix as a partition-key range, and the keyset of the
    /// continuation token), then orders the matches by (created, id) here: Table storage orders only by keys.
    /// </summary>
    public async Task<InstancePage> QueryInstancesAsync(InstanceQuery query, CancellationToken cancellationToken = default)
    {
        var clauses = new List<string>();
        if (query.Statuses is { Count: > 0 } statuses)
        {
            clauses.Add("(" + string.Join(" or ", statuses.Select(s => TableFilter.Equal(InstanceRows.Status, (int)s))) + ")");
        }
        if (query.CreatedFrom is { } from) clauses.Add(TableFilter.Compare(InstanceRows.CreatedTicks, "ge", from.UtcTicks));
        if (query.CreatedTo is { } to) clauses.Add(TableFilter.Compare(InstanceRows.CreatedTicks, "le", to.UtcTicks));
        if (!string.IsNullOrEmpty(query.InstanceIdPrefix))
        {
            var prefix = EngineKeys.Escape(query.InstanceIdPrefix);
            clauses.Add($"{TableFilter.Compare("PartitionKey", "ge", prefix)} and {TableFilter.Compare("PartitionKey", "lt", EngineKeys.After(prefix))}");
        }
        if (query.ContinuationToken is { } token)
        {
            var separator = token.IndexOf('|', StringComparison.Ordinal);
            if (separator < 0 || !long.TryParse(token.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture, out var afterTicks))
                throw new ArgumentException("The continuation token is not one this store issued.", nameof(query));
            var afterKey = token[(separator + 1)..];
            clauses.Add($"({TableFilter.Compare(InstanceRows.CreatedTicks, "gt", afterTicks)} or ({TableFilter.Equal(InstanceRows.CreatedTicks, afterTicks)} and {TableFilter.Compare("PartitionKey", "gt", afterKey)}))");
        }
        var filter = clauses.Count == 0 ? null : string.Join(" and ", clauses);
        var rows = await instances.QueryAsync(filter, cancellationToken: cancellationToken).ToListAsync(cancellationToken);
        var page = rows
            .OrderBy(r => r.GetInt64(InstanceRows.CreatedTicks) ?? 0).ThenBy(r => r.PartitionKey, StringComparer.Ordinal)
            .Take(query.PageSize + 1).ToList();
        string? next = null;
        if (page.Count > query.PageSize)
        {
            page.RemoveAt(page.Count - 1);
            var last = page[^1];
            next = string.Create(CultureInfo.InvariantCulture, $"{last.GetInt64(InstanceRows.CreatedTicks) ?? 0}|{last.PartitionKey}");
        }
        var records = await Task.WhenAll(page.Select(r => ReadRecordAsync(r, cancellationToken)));
        return new InstancePage(records, next);
    }

    /// <summary>Deletes the partition (instance row last), then the projection, then the payload blobs; a crash midway is finished by purging again.</summary>
    public async Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var record = await GetInstanceAsync(instanceId, cancellationToken);
        if (record is null || !record.Status.IsTerminal()) return false;
        var key = EngineKeys.Escape(instanceId);
        var rows = await history.QueryAsync(TableFilter.PartitionKeyEquals(key), ["RowKey"], cancellationToken: cancellationToken).ToListAsync(cancellationToken);
        var ordered = rows.Where(r => r.RowKey != EngineKeys.Instance).Concat(rows.Where(r => r.RowKey == EngineKeys.Instance));
        foreach (var chunk in TableBatches.Split(ordered.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(key, r.RowKey)))))
        {
            await DeleteRowsAsync(chunk, cancellationToken);
        }
        try
        {
            await instances.DeleteEntityAsync(key, EngineKeys.Instance, cancellationToken: cancellationToken);
        }
        catch (StorageRequestFailedException e) when (e.Status == 404)
        {
        }
        await payloads.PurgeAsync(instanceId, cancellationToken);
        return true;
    }

    /// <summary>
    /// Orchestration backlog: inbox rows (the truth, not the control queue, whose hints may be duplicates), counted by a
    /// filtered scan of the history table. Activity backlog: the activity queue's approximate count.
    /// </summary>
    public async Task<(long Orchestration, long Activity)> GetBacklogAsync(CancellationToken cancellationToken = default)
    {
        var filter = $"{TableFilter.Compare("RowKey", "ge", EngineKeys.InboxPrefix)} and {TableFilter.Compare("RowKey", "lt", EngineKeys.After(EngineKeys.InboxPrefix))}";
        long orchestration = 0;
        await foreach (var _ in history.QueryAsync(filter, ["RowKey"], cancellationToken: cancellationToken)) orchestration++;
        var activity = await activities.GetApproximateMessageCountAsync(cancellationToken);
        return (orchestration, activity);
    }
}
