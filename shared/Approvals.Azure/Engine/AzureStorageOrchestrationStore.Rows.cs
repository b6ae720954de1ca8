using System.Text.Json;
using Approvals.Azure.Storage;
using Approvals.Azure.Tables;
using DurableTasks.Backends;

namespace Approvals.Azure.Engine;

public sealed partial class AzureStorageOrchestrationStore
{
    private async Task<TableEntity> InstanceRowAsync(InstanceRecord record, long version, CancellationToken cancellationToken, string? lockToken = null, long lockedUntil = 0)
    {
        var row = new TableEntity(EngineKeys.Escape(record.InstanceId), EngineKeys.Instance)
        {
            { InstanceRows.Status, (int)record.Status },
            { InstanceRows.CreatedTicks, record.CreatedAt.UtcTicks },
            { InstanceRows.Version, version },
            { InstanceRows.HistoryCount, record.HistoryCount },
            { InstanceRows.LockToken, lockToken ?? "" },
            { InstanceRows.LockedUntil, lockedUntil },
        };
        await payloads.SetAsync(row, record.InstanceId, JsonSerializer.Serialize(record, AzureEngineJsonContext.Default.InstanceRecord), cancellationToken);
        return row;
    }

    private async Task<InstanceRecord> ReadRecordAsync(TableEntity row, CancellationToken cancellationToken) =>
        JsonSerializer.Deserialize(await payloads.GetAsync(row, cancellationToken), AzureEngineJsonContext.Default.InstanceRecord)!;

    private async Task<TableEntity> InboxRowAsync(OrchestrationMessage message, CancellationToken cancellationToken)
    {
        var row = new TableEntity(EngineKeys.Escape(message.InstanceId), EngineKeys.Inbox(message.MessageId))
        {
            { InstanceRows.VisibleAt, message.VisibleAt.UtcTicks },
            { InstanceRows.Sequence, NextSequence() },
        };
        await payloads.SetAsync(row, message.InstanceId, JsonSerializer.Serialize(message, AzureEngineJsonContext.Default.OrchestrationMessage), cancellationToken);
        return row;
    }

    private async Task<OrchestrationMessage> ReadMessageAsync(TableEntity row, CancellationToken cancellationToken) =>
        JsonSerializer.Deserialize(await payloads.GetAsync(row, cancellationToken), AzureEngineJsonContext.Default.OrchestrationMessage)!;

    private static DateTimeOffset VisibleAt(TableEntity inboxRow) => new(inboxRow.GetInt64(InstanceRows.VisibleAt) ?? 0, TimeSpan.Zero);

    /// <summary>Records a delayed message in the due-time index (before its inbox row exists, so the wake-up cannot be lost).</summary>
    private async Task IndexIfDelayedAsync(TableEntity inboxRow, OrchestrationMessage message, CancellationToken cancellationToken)
    {
        if (message.VisibleAt <= time.GetUtcNow()) return;
        var entry = new TableEntity(EngineKeys.TimerPartition, EngineKeys.Timer(message.VisibleAt, inboxRow.PartitionKey, inboxRow.RowKey))
        {
            { "P", inboxRow.PartitionKey },
            { "R", inboxRow.RowKey },
            { "Instance", message.InstanceId },
        };
        await timers.UpsertEntityAsync(entry, TableUpdateMode.Replace, cancellationToken);
        timerScan.Saw(message.VisibleAt);
    }

    /// <summary>Puts a wake-up for <paramref name="instanceId"/> on the control queue, visible when <paramref name="due"/> comes (at most 7 days ahead).</summary>
    private async Task HintAsync(string instanceId, DateTimeOffset due, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.Serialize(new ControlHint(instanceId, due.UtcTicks), AzureEngineJsonContext.Default.ControlHint);
        await control.SendMessageAsync(body, DelayUntil(due), Timeout.InfiniteTimeSpan, cancellationToken);
    }

    /// <summary>
    /// Inserts messages into their instances' inboxes, ignoring ids already there, then hints each instance once per due time.
    /// Per instance, all rows go in entity-group transactions; a duplicate id fails a transaction, which is then retried row by row.
    /// </summary>
    private async Task DeliverAsync(IReadOnlyList<OrchestrationMessage> messages, CancellationToken cancellationToken)
    {
        await Task.WhenAll(messages.GroupBy(m => m.InstanceId, StringComparer.Ordinal).Select(async group =>
        {
            var unique = group.GroupBy(m => m.MessageId, StringComparer.Ordinal).Select(g => g.First()).ToList();
            var rows = new List<TableEntity>(unique.Count);
            foreach (var message in unique)
            {
                var row = await InboxRowAsync(message, cancellationToken);
                await IndexIfDelayedAsync(row, message, cancellationToken);
                rows.Add(row);
            }
            foreach (var chunk in TableBatches.Split(rows.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r))))
            {
                try
                {
                    await history.SubmitTransactionAsync(chunk, cancellationToken);
                }
                catch (TableTransactionFailedException e) when (e.Status == 409)
                {
                    foreach (var action in chunk) await AddIfAbsentAsync(history, action.Entity, cancellationToken);
                }
            }
            await FaultAsync("deliver:after-rows");
            // One hint covers every message already due; each later due time gets its own (delayed) hint.
            var now = time.GetUtcNow();
            var dues = unique.Select(m => m.VisibleAt > now ? m.VisibleAt : now).Distinct();
            await Task.WhenAll(dues.Select(due => HintAsync(group.Key, due, cancellationToken)));
        }));
    }

    private static async Task AddIfAbsentAsync(TableClient table, TableEntity row, CancellationToken cancellationToken)
    {
        try
        {
            await table.AddEntityAsync(row, cancellationToken);
        }
        catch (StorageRequestFailedException e) when (e.Status == 409)
        {
        }
    }
}
