using System.Text.Json;
using Approvals.Azure.Storage;
using Approvals.Azure.Tables;
using DurableTasks.Backends;

namespace Approvals.Azure.Engine;

public sealed partial class AzureStorageOrchestrationStore
{
    public async Task<IReadOnlyList<bool>> CompleteOrchestrationsAsync(IReadOnlyList<OrchestrationCommit> commits, CancellationToken cancellationToken = default)
    {
        if (commits.Count == 0) return [];
        var results = await Task.WhenAll(commits.Select(c => CommitAsync(c, cancellationToken)));
        Signal.Pulse();
        return results;
    }

    /// <summary>Own messages beyond this count go through the outbox, so the commit transaction stays within 100 actions.</summary>
    private const int MaxOwnMessagesInline = 32;

    /// <summary>One episode's commit, in the order the class documentation gives and explains.</summary>
    private async Task<bool> CommitAsync(OrchestrationCommit commit, CancellationToken cancellationToken)
    {
        if (!locks.TryRemove(commit.WorkItem.LockToken, out var context)) return false;
        var now = time.GetUtcNow();
        var key = context.PartitionKey;
        var oldBlob = context.InstanceRow.GetString(PayloadStore.BlobProperty);
        var version = context.Version + 1;
        var firstSeq = commit.ResetHistory ? 0 : context.HistoryCount;

        // (1) Rows with large values in blobs; index rows for the commit's own delayed messages.
        var historyRows = new List<TableEntity>(commit.NewEvents.Count);
        for (var i = 0; i < commit.NewEvents.Count; i++)
        {
            var row = new TableEntity(key, EngineKeys.History(firstSeq + i));
            await payloads.SetAsync(row, context.InstanceId, JsonSerializer.Serialize(commit.NewEvents[i], AzureEngineJsonContext.Default.HistoryEvent), cancellationToken);
            historyRows.Add(row);
        }
        // The instance's own new messages (timers, continue-as-new) go into the commit transaction itself, unless there
        // are too many to fit: then they travel through the outbox like messages to other instances (still crash-safe).
        var ownMessages = commit.OrchestrationMessages.Where(m => m.InstanceId == context.InstanceId).ToList();
        var ownInline = ownMessages.Count <= MaxOwnMessagesInline;
        var own = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        foreach (var message in ownInline ? ownMessages : [])
        {
            var row = await InboxRowAsync(message, cancellationToken);
            await IndexIfDelayedAsync(row, message, cancellationToken);
            own[row.RowKey] = row;
        }
        var envelope = new OutboxEnvelope(
            commit.NewInstances,
            commit.OrchestrationMessages.Where(m => m.InstanceId != context.InstanceId || !ownInline).ToList(),
            commit.ActivityMessages);
        var outboxRow = new TableEntity(key, EngineKeys.Outbox(version));

        var record = InstanceRows.Apply(context.Record, commit, firstSeq + historyRows.Count, now);
        // Nothing to send and nothing a client would see: the final transaction releases the lock itself, no outbox row.
        var carryOut = envelope.Children.Count + envelope.Messages.Count + envelope.Activities.Count > 0 || InstanceRows.ClientVisibleChange(context.Record, record);
        var instanceRow = carryOut
            ? await InstanceRowAsync(record, version, cancellationToken, context.LockToken, context.InstanceRow.GetInt64(InstanceRows.LockedUntil) ?? 0)
            : await InstanceRowAsync(record, version, cancellationToken);
        var consumed = commit.WorkItem.Messages.Select(m => EngineKeys.Inbox(m.MessageId)).ToHashSet(StringComparer.Ordinal);
        var withdrawn = commit.WithdrawnMessageIds.Select(EngineKeys.Inbox).Where(context.Inbox.Contains);
        // Withdrawn timers first: if the transaction is too full, only consumed messages' deletes are deferred (safe: a
        // consumed message delivered again is dropped by the history), never a withdrawal.
        var deletes = withdrawn.Concat(consumed).Distinct(StringComparer.Ordinal).Where(k => !own.ContainsKey(k)).ToList();

        // (2)+(3) The final transaction holds the instance row, the outbox row, own messages and deletes; history
        // rows fill what is left of it, and earlier history rows go first in transactions of their own.
        if (carryOut) await payloads.SetAsync(outboxRow, context.InstanceId, JsonSerializer.Serialize(envelope, AzureEngineJsonContext.Default.OutboxEnvelope), cancellationToken);
        var fixedActions = new List<TableTransactionAction> { new(TableTransactionActionType.UpdateReplace, instanceRow, context.ETag) };
        if (carryOut) fixedActions.Add(new(TableTransactionActionType.Add, outboxRow));
        fixedActions.AddRange(own.Values.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)));
        fixedActions.AddRange(deletes.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(key, k))));
        var later = new List<TableTransactionAction>();
        while (fixedActions.Count > TableBatches.MaxActions)
        {
            // Too many consumed messages for one transaction: the rest are deleted after the commit. If that is lost,
            // they are delivered again and the history drops them as duplicates.
            later.Add(fixedActions[^1]);
            fixedActions.RemoveAt(fixedActions.Count - 1);
        }
        var fixedBytes = fixedActions.Sum(a => TableBatches.EstimateBytes(a.Entity));
        var inFinal = 0;
        for (var i = historyRows.Count - 1; i >= 0; i--)
        {
            var size = TableBatches.EstimateBytes(historyRows[i]);
            if (fixedActions.Count + inFinal + 1 > TableBatches.MaxActions || fixedBytes + size > TableBatches.MaxBytes) break;
            fixedBytes += size;
            inFinal++;
        }
        var early = historyRows.Take(historyRows.Count - inFinal).ToList();
        try
        {
            foreach (var chunk in TableBatches.Split(early.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), TableBatches.MaxActions - 1))
            {
                // Each early transaction also touches the instance row If-Match: a worker that lost its lease writes nothing.
                var touch = new TableEntity(key, EngineKeys.Instance) { { InstanceRows.LockToken, context.LockToken } };
                chunk.Insert(0, new TableTransactionAction(TableTransactionActionType.UpdateMerge, touch, context.ETag));
                var etags = await history.SubmitTransactionAsync(chunk, cancellationToken);
                context.ETag = etags[0];
                fixedActions[0] = fixedActions[0] with { IfMatch = context.ETag };
            }
            var final = fixedActions.Concat(historyRows.Skip(early.Count).Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r))).ToList();
            var finalEtags = await history.SubmitTransactionAsync(final, cancellationToken);
            context.ETag = finalEtags[0];
            context.InstanceRow = instanceRow;
        }
        catch (StorageRequestFailedException e) when (e.Status is 412 or 404)
        {
            return false;
        }
        catch (Exception e) when (e is global::Azure.RequestFailedException or HttpRequestException)
        {
            // Unknown outcome (e.g. the response was lost): report the episode as not applied; if it was, the next
            // holder replays from the committed history and the outbox row left behind is carried out.
            return false;
        }

        // (4) Carry out the outbox while still holding the lock; then (5) release it with the outbox row; (6) re-check.
        await FaultAsync("commit:after-transaction");
        try
        {
            if (carryOut)
            {
                await CarryOutAsync(envelope, cancellationToken);
                if (InstanceRows.ClientVisibleChange(context.Record, record))
                {
                    await instances.UpsertEntityAsync(InstanceRows.Projection(instanceRow), TableUpdateMode.Replace, cancellationToken);
                }
            }
            foreach (var chunk in TableBatches.Split(later)) await DeleteRowsAsync(chunk, cancellationToken);
            if (carryOut) await ReleaseAsync(context, outboxRow.RowKey, cancellationToken);
            await FinishAsync(context, consumed, cancellationToken);
            // When the projection was rewritten, the previous instance data blob (if any) is referenced by neither row any
            // more; otherwise the projection may still point at it (such blobs go with the purge).
            if (InstanceRows.ClientVisibleChange(context.Record, record) && oldBlob != instanceRow.GetString(PayloadStore.BlobProperty))
            {
                await payloads.ForgetAsync(oldBlob);
            }
        }
        catch (Exception e) when (e is global::Azure.RequestFailedException or HttpRequestException)
        {
            // Committed; what is left (outbox row, lock) is finished by the next holder once the lease ends.
        }
        return true;
    }

    /// <summary>Sends what an outbox row holds: children (create if absent, with their projection), messages, activity requests.</summary>
    private async Task CarryOutAsync(OutboxEnvelope envelope, CancellationToken cancellationToken)
    {
        await Task.WhenAll(envelope.Children.Select(async child =>
        {
            var row = await InstanceRowAsync(child, version: 0, cancellationToken);
            await AddIfAbsentAsync(history, row, cancellationToken);
            await AddIfAbsentAsync(instances, InstanceRows.Projection(row), cancellationToken);
        }));
        await Task.WhenAll(
            DeliverAsync(envelope.Messages, cancellationToken),
            Task.WhenAll(envelope.Activities.Select(a => SendActivityAsync(a, cancellationToken))));
    }

    /// <summary>Releases the lock (and deletes the carried-out outbox row) in one transaction, if the lease is still ours.</summary>
    private async Task ReleaseAsync(LockContext context, string? outboxRow, CancellationToken cancellationToken)
    {
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpdateMerge, InstanceRows.LockPatch(context.PartitionKey, null, null), context.ETag),
        };
        if (outboxRow is not null) actions.Add(new(TableTransactionActionType.Delete, new TableEntity(context.PartitionKey, outboxRow)));
        try
        {
            await history.SubmitTransactionAsync(actions, cancellationToken);
        }
        catch (StorageRequestFailedException e) when (e.Status is 412 or 404)
        {
            // The lease ran out and another worker holds the instance; it carries out the outbox again (idempotently).
        }
    }

    /// <summary>
    /// After the release: a message that arrived while the instance was locked found it locked and backed off, so if
    /// any is visible now, hint again at once. Then the hints and index rows that led to this episode are done.
    /// </summary>
    private async Task FinishAsync(LockContext context, IReadOnlySet<string> consumed, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var filter = $"{TableFilter.PartitionKeyEquals(context.PartitionKey)} and {TableFilter.Compare("RowKey", "ge", EngineKeys.InboxPrefix)} and {TableFilter.Compare("RowKey", "lt", EngineKeys.After(EngineKeys.InboxPrefix))}";
        var waiting = await history.QueryAsync(filter, [InstanceRows.VisibleAt], cancellationToken: cancellationToken).ToListAsync(cancellationToken);
        if (waiting.Any(r => VisibleAt(r) <= now)) await HintAsync(context.InstanceId, now, cancellationToken);
        await Task.WhenAll(context.Hints.Select(DeleteHintAsync));
        await DeleteTimersAsync(context.Timers.Where(t => consumed.Contains(t.GetString("R") ?? "")));
    }

    private async Task DeleteRowsAsync(List<TableTransactionAction> deletes, CancellationToken cancellationToken)
    {
        try
        {
            await history.SubmitTransactionAsync(deletes, cancellationToken);
        }
        catch (TableTransactionFailedException e) when (e.Status == 404)
        {
            foreach (var action in deletes)
            {
                try
                {
                    await history.DeleteEntityAsync(action.Entity.PartitionKey, action.Entity.RowKey, cancellationToken: cancellationToken);
                }
                catch (StorageRequestFailedException inner) when (inner.Status == 404)
                {
                }
            }
        }
    }
}
