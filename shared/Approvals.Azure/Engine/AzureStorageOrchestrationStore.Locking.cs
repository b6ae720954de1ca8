using System.Text.Json;
using Approvals.Azure.Queues;
using Approvals.Azure.Storage;
using Approvals.Azure.Tables;
using DurableTasks.Backends;

namespace Approvals.Azure.Engine;

public sealed partial class AzureStorageOrchestrationStore
{
    /// <summary>An instance that may have work: the hints and due-time index rows that pointed at it.</summary>
    private sealed class Candidate(string instanceId)
    {
        public string InstanceId { get; } = instanceId;
        public List<QueueMessage> Hints { get; } = [];
        public List<TableEntity> Timers { get; } = [];
    }

    public async Task<IReadOnlyList<OrchestrationWorkItem>> LockOrchestrationsAsync(int max, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var candidates = new Dictionary<string, Candidate>(StringComparer.Ordinal);
        Candidate For(string id) => candidates.TryGetValue(id, out var c) ? c : candidates[id] = new Candidate(id);

        var hints = await control.ReceiveMessagesAsync(Math.Clamp(max, 1, QueueClient.MaxMessagesPerCall), Hold(lease), cancellationToken);
        var rearm = new List<Task>();
        foreach (var hint in hints)
        {
            ControlHint? parsed = null;
            try
            {
                parsed = JsonSerializer.Deserialize(hint.Body, AzureEngineJsonContext.Default.ControlHint);
            }
            catch (JsonException)
            {
            }
            if (parsed is null)
            {
                rearm.Add(DeleteHintAsync(hint));
                continue;
            }
            var due = new DateTimeOffset(parsed.DueTicks, TimeSpan.Zero);
            if (due > now)
            {
                // Surfaced early (over 7 days out, or the clock is not real time): hide it again until its due time.
                rearm.Add(ShowHintAsync(hint, DelayUntil(due)));
                continue;
            }
            For(parsed.InstanceId).Hints.Add(hint);
        }

        if (timerScan.IsDue(now, options.TimerScanInterval))
        {
            foreach (var entry in await ScanTimersAsync(now, cancellationToken)) For(entry.GetString("Instance")!).Timers.Add(entry);
        }
        if (options.SweepInterval > TimeSpan.Zero && sinceSweep.Elapsed >= options.SweepInterval && Interlocked.Exchange(ref sweepRunning, 1) == 0)
        {
            try
            {
                foreach (var id in await SweepAsync(now, cancellationToken)) For(id);
                sinceSweep.Restart();
            }
            finally
            {
                Volatile.Write(ref sweepRunning, 0);
            }
        }

        var chosen = candidates.Values.Take(Math.Max(max, 1)).ToList();
        foreach (var spare in candidates.Values.Skip(chosen.Count)) rearm.AddRange(spare.Hints.Select(h => ShowHintAsync(h, TimeSpan.Zero)));
        var items = await Task.WhenAll(chosen.Select(c => TryLockAsync(c, lease, now, cancellationToken)));
        await Task.WhenAll(rearm);
        return items.OfType<OrchestrationWorkItem>().ToList();
    }

    private async Task<OrchestrationWorkItem?> TryLockAsync(Candidate candidate, TimeSpan lease, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var key = EngineKeys.Escape(candidate.InstanceId);
        var filter = $"{TableFilter.PartitionKeyEquals(key)} and {TableFilter.Compare("RowKey", "ge", EngineKeys.Instance)} and {TableFilter.Compare("RowKey", "lt", "P")}";
        var rows = await history.QueryAsync(filter, cancellationToken: cancellationToken).ToListAsync(cancellationToken);
        var instanceRow = rows.Find(r => r.RowKey == EngineKeys.Instance);
        var inbox = rows.Where(r => r.RowKey.StartsWith(EngineKeys.InboxPrefix, StringComparison.Ordinal)).ToList();
        var outbox = rows.Where(r => r.RowKey.StartsWith(EngineKeys.OutboxPrefix, StringComparison.Ordinal)).OrderBy(r => r.RowKey, StringComparer.Ordinal).ToList();
        var inboxKeys = inbox.Select(r => r.RowKey).ToHashSet(StringComparer.Ordinal);

        // Index rows whose message is gone (consumed or withdrawn) are done.
        var staleTimers = candidate.Timers.Where(t => !inboxKeys.Contains(t.GetString("R") ?? "")).ToList();
        candidate.Timers.RemoveAll(staleTimers.Contains);
        await DeleteTimersAsync(staleTimers);

        if (instanceRow is null)
        {
            // Messages for an instance not created (yet): they wait in its partition; creating it sends its own hint.
            await Task.WhenAll(candidate.Hints.Select(DeleteHintAsync));
            return null;
        }
        if (InstanceRows.IsLocked(instanceRow, now))
        {
            // The holder re-reads the inbox when it releases the lock; this hint is the fallback if the holder dies.
            var until = new DateTimeOffset(instanceRow.GetInt64(InstanceRows.LockedUntil) ?? 0, TimeSpan.Zero);
            var wait = DelayUntil(until);
            await Task.WhenAll(candidate.Hints.Select(h => ShowHintAsync(h, wait < options.LockedRetryDelay ? options.LockedRetryDelay : wait)));
            return null;
        }

        var visible = inbox.Where(r => VisibleAt(r) <= now)
            .OrderBy(r => r.GetInt64(InstanceRows.Sequence) ?? 0).ThenBy(r => r.RowKey, StringComparer.Ordinal)
            .Take(options.MaxMessagesPerWorkItem).ToList();
        if (visible.Count == 0 && outbox.Count == 0)
        {
            await Task.WhenAll(candidate.Hints.Select(DeleteHintAsync));
            return null;
        }

        var token = Guid.NewGuid().ToString("N");
        try
        {
            var patch = InstanceRows.LockPatch(key, token, now + lease);
            instanceRow.ETag = await history.UpdateEntityAsync(patch, instanceRow.ETag, TableUpdateMode.Merge, cancellationToken);
            instanceRow[InstanceRows.LockToken] = token;
            instanceRow[InstanceRows.LockedUntil] = (now + lease).UtcTicks;
        }
        catch (StorageRequestFailedException e) when (e.Status is 412 or 404)
        {
            await Task.WhenAll(candidate.Hints.Select(h => ShowHintAsync(h, options.LockedRetryDelay)));
            return null;
        }

        var record = await ReadRecordAsync(instanceRow, cancellationToken);
        var context = new LockContext(candidate.InstanceId, token, instanceRow, record);
        context.Inbox.UnionWith(inboxKeys);
        context.Hints.AddRange(candidate.Hints);
        context.Timers.AddRange(candidate.Timers);

        if (outbox.Count > 0)
        {
            // A previous holder committed but did not finish sending: finish it first (sends are idempotent by id).
            foreach (var row in outbox)
            {
                var envelope = JsonSerializer.Deserialize(await payloads.GetAsync(row, cancellationToken), AzureEngineJsonContext.Default.OutboxEnvelope)!;
                await CarryOutAsync(envelope, cancellationToken);
            }
            await instances.UpsertEntityAsync(InstanceRows.Projection(instanceRow), TableUpdateMode.Replace, cancellationToken);
            foreach (var batch in TableBatches.Split(outbox.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r))))
            {
                await history.SubmitTransactionAsync(batch, cancellationToken);
            }
        }
        if (visible.Count == 0)
        {
            await ReleaseAsync(context, outboxRow: null, cancellationToken);
            await FinishAsync(context, new HashSet<string>(StringComparer.Ordinal), cancellationToken);
            return null;
        }

        var messages = await Task.WhenAll(visible.Select(r => ReadMessageAsync(r, cancellationToken)));
        locks[token] = context;
        return new OrchestrationWorkItem(record with { HistoryCount = context.HistoryCount }, messages, token);
    }

    public async Task AbandonOrchestrationAsync(OrchestrationWorkItem workItem, CancellationToken cancellationToken = default)
    {
        if (!locks.TryRemove(workItem.LockToken, out var context)) return;
        try
        {
            await history.UpdateEntityAsync(InstanceRows.LockPatch(context.PartitionKey, null, null), context.ETag, TableUpdateMode.Merge, cancellationToken);
        }
        catch (StorageRequestFailedException e) when (e.Status is 412 or 404)
        {
        }
        await Task.WhenAll(context.Hints.Select(h => ShowHintAsync(h, TimeSpan.Zero)));
        Signal.Pulse();
    }

    /// <summary>Due-time index rows due now (the work), and when the next one is due (to know when to look again).</summary>
    private async Task<IReadOnlyList<TableEntity>> ScanTimersAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        const int take = 64;
        var page = await timers.QueryPageAsync(new TableQuery(TableFilter.PartitionKeyEquals(EngineKeys.TimerPartition), Top: take), cancellationToken: cancellationToken);
        var due = page.Items.Where(e => EngineKeys.TimerDue(e.RowKey) <= now).ToList();
        var next = page.Items.Select(e => EngineKeys.TimerDue(e.RowKey)).Where(d => d > now).Cast<DateTimeOffset?>().FirstOrDefault();
        timerScan.Scanned(due.Count == page.Items.Count && page.ContinuationToken is not null ? now : next);
        return due;
    }

    /// <summary>
    /// The safety net for lost wake-ups: instances with a visible inbox row or any outbox row. Scans the whole history
    /// table (filtered on the service), so it runs rarely.
    /// </summary>
    private async Task<IReadOnlyCollection<string>> SweepAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var filter = $"({TableFilter.Compare("RowKey", "ge", EngineKeys.InboxPrefix)} and {TableFilter.Compare("RowKey", "lt", EngineKeys.After(EngineKeys.InboxPrefix))})"
            + $" or ({TableFilter.Compare("RowKey", "ge", EngineKeys.OutboxPrefix)} and {TableFilter.Compare("RowKey", "lt", EngineKeys.After(EngineKeys.OutboxPrefix))})";
        var found = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in history.QueryAsync(filter, [InstanceRows.VisibleAt], cancellationToken: cancellationToken))
        {
            if (row.RowKey.StartsWith(EngineKeys.OutboxPrefix, StringComparison.Ordinal) || VisibleAt(row) <= now) found.Add(row.PartitionKey);
        }
        // Partition keys are escaped ids; hints carry ids.
        return found.Select(Unescape).ToList();
    }

    private static string Unescape(string key)
    {
        if (!key.Contains('~', StringComparison.Ordinal)) return key;
        var text = new System.Text.StringBuilder(key.Length);
        for (var i = 0; i < key.Length; i++)
        {
            if (key[i] == '~' && i + 4 < key.Length)
            {
                text.Append((char)Convert.ToInt32(key.Substring(i + 1, 4), 16));
                i += 4;
            }
            else
            {
                text.Append(key[i]);
            }
        }
        return text.ToString();
    }

    private async Task DeleteHintAsync(QueueMessage hint)
    {
        try
        {
            await control.DeleteMessageAsync(hint.MessageId, hint.PopReceipt);
        }
        catch (StorageRequestFailedException e) when (e.Status == 404)
        {
        }
    }

    private async Task ShowHintAsync(QueueMessage hint, TimeSpan delay)
    {
        try
        {
            await control.UpdateMessageAsync(hint.MessageId, hint.PopReceipt, delay);
        }
        catch (StorageRequestFailedException e) when (e.Status == 404)
        {
        }
    }

    private async Task DeleteTimersAsync(IEnumerable<TableEntity> entries)
    {
        foreach (var entry in entries)
        {
            try
            {
                await timers.DeleteEntityAsync(entry.PartitionKey, entry.RowKey);
            }
            catch (StorageRequestFailedException e) when (e.Status == 404)
            {
            }
        }
    }
}
