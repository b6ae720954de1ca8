using System.Collections.Concurrent;
using System.Text.Json;
using Approvals.Azure.Blobs;
using Approvals.Azure.Queues;
using Approvals.Azure.Storage;
using Approvals.Azure.Tables;
using DurableTasks.Backends;
using DurableTasks.History;

namespace Approvals.Azure.Engine;

/// <summary>
/// <see cref="IOrchestrationStore"/> on Azure Storage (Tables, Queues, Blobs), without cross-service transactions.
/// <para>
/// <b>Layout.</b> Each instance owns one partition of the history table (partition key = the escaped instance id):
/// the instance row <c>I</c> (status, data, version, history count, lock token and lock expiry: the lease), history
/// rows <c>H:{seq}</c>, inbox rows <c>M:{message id}</c> (messages waiting, with their due time) and outbox rows
/// <c>O:{version}</c> (what a commit still has to send). Because they share a partition, one entity-group transaction
/// appends history, updates the instance row (If-Match: the ETag the lock returned), consumes inbox rows, adds the
/// instance's own timers and records the outbox. Rows are the source of truth; queues only wake workers.
/// </para>
/// <para>
/// <b>Commit ordering.</b> (1) Large values go to blobs (unique names: a failed commit leaves an unreferenced blob, never
/// a wrong one) and due-time index rows are written for the commit's timers. (2) Only if the history does not fit, its
/// earlier rows are written first in transactions that each also touch the instance row If-Match, so a worker that
/// lost its lease cannot write a single row; they sit beyond the committed history count, invisible to readers and
/// overwritten by the next attempt. (3) The final transaction: instance row (If-Match, lock kept), remaining history,
/// consumed and withdrawn inbox rows deleted, own timers added, one outbox row. This is the commit point. An episode
/// with nothing to send and no change a client could see (typically a fan-in step) writes no outbox row and releases
/// the lock in this same transaction, skipping (4) and (5). (4) With the lock still held, the outbox is carried out:
/// children created (insert-if-absent), messages inserted into the target partitions (insert-if-absent by message id)
/// each followed by a control-queue hint, activity requests put on the activity queue, and the instances-table
/// projection written. Holding the lock meanwhile keeps a second worker from carrying out the same outbox row and
/// keeps projection writes in commit order. (5) One transaction deletes the outbox row and releases the lock. (6) The
/// inbox is read again and, if a message became visible meanwhile (its hint saw the lock and backed off until the
/// lease's end), a fresh hint is sent; then the hints and due-time index rows that led to the episode are deleted.
/// </para>
/// <para>
/// <b>Why a crash is safe.</b> Before (3) nothing is committed (stray rows beyond the history count and stray blobs
/// are ignored). Between (3) and (5) the outbox row and the lock stay behind; the hint that led to the episode was
/// hidden only for the lease, so it comes back when the lease ends and the next locker first carries out the leftover
/// outbox (again: message ids make repeated inserts no-ops, a repeated activity request runs the activity again,
/// whose result the history drops as a duplicate). A crash between writing a row and sending its hint loses only the
/// wake-up: the periodic sweep finds inbox and outbox rows and re-sends hints. Delayed messages also have a row in the
/// due-time index table, checked against this store's <see cref="TimeProvider"/>, so queue visibility (real time,
/// at most 7 days, re-armed when a hint surfaces early) is never what decides that a timer fires.
/// </para>
/// <para>
/// <b>Leases.</b> An activity is locked by receiving its queue message with the lease as visibility timeout; its
/// result is inserted into the instance's inbox (insert-if-absent) before the queue message is deleted, so a crash
/// leaves at worst a second run. Reads for clients (status, queries) use the instances table, which lags the instance
/// row between (3) and (4) (and, for its history count and last-updated time, until the next client-visible change);
/// a missing projection falls back to the instance row. Remaining race: a worker stalled for longer than its lease
/// between (3) and (4) may write an older projection after the next holder's; the next client-visible commit repairs it.
/// </para>
/// <para>
/// <b>Costs.</b> The sweep scans the whole history table (filtered on the service), so it runs every
/// <see cref="AzureStorageOrchestrationStoreOptions.SweepInterval"/>; queries read every matching projection row and
/// order them here (Table storage orders only by keys).
/// </para>
/// </summary>
public sealed partial class AzureStorageOrchestrationStore : IOrchestrationStore
{
    private static long lastSequence;
    private readonly AzureStorageOrchestrationStoreOptions options;
    private readonly TimeProvider time;
    private readonly TableClient history;
    private readonly TableClient instances;
    private readonly TableClient timers;
    private readonly QueueClient control;
    private readonly QueueClient activities;
    private readonly PayloadStore payloads;
    private readonly ConcurrentDictionary<string, LockContext> locks = new(StringComparer.Ordinal);
    private readonly TimerScanState timerScan = new();
    private readonly System.Diagnostics.Stopwatch sinceSweep = System.Diagnostics.Stopwatch.StartNew();
    private int sweepRunning;

    /// <summary>A store on the account of <see cref="AzureStorageOrchestrationStoreOptions.ConnectionString"/> (Azurite, tests, benchmarks).</summary>
    public AzureStorageOrchestrationStore(AzureStorageOrchestrationStoreOptions options, TimeProvider? timeProvider = null, StorageClientOptions? clientOptions = null)
        : this(StorageAccount.FromConnectionString(options.ConnectionString
            ?? throw new ArgumentException("ConnectionString is required without a StorageAccount.", nameof(options)), clientOptions), options, timeProvider)
    {
    }

    /// <summary>A store on <paramref name="account"/>: in Azure, reached by managed identity (no keys).</summary>
    public AzureStorageOrchestrationStore(StorageAccount account, AzureStorageOrchestrationStoreOptions options, TimeProvider? timeProvider = null)
    {
        this.options = options;
        time = timeProvider ?? TimeProvider.System;
        history = account.Table(options.HistoryTable);
        instances = account.Table(options.InstancesTable);
        timers = account.Table(options.TimersTable);
        control = account.Queue(options.ControlQueue);
        activities = account.Queue(options.ActivityQueue);
        payloads = new PayloadStore(account.Container(options.PayloadContainer), options.MaxInlinePayloadBytes);
    }

    public WorkSignal Signal { get; } = new();

    /// <summary>
    /// Test hook: called at the points where a process may die between two writes ("commit:after-transaction",
    /// "deliver:after-rows", "activity:after-results"); throwing there simulates the crash.
    /// </summary>
    internal Func<string, ValueTask>? Fault { get; set; }

    private ValueTask FaultAsync(string point) => Fault?.Invoke(point) ?? ValueTask.CompletedTask;

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        if (!options.CreateResources) return;
        await Task.WhenAll(
            history.CreateIfNotExistsAsync(cancellationToken),
            instances.CreateIfNotExistsAsync(cancellationToken),
            timers.CreateIfNotExistsAsync(cancellationToken),
            control.CreateIfNotExistsAsync(cancellationToken),
            activities.CreateIfNotExistsAsync(cancellationToken),
            payloads.Container.CreateIfNotExistsAsync(cancellationToken));
    }

    public async Task<bool> CreateInstanceAsync(InstanceRecord instance, OrchestrationMessage startMessage, CancellationToken cancellationToken = default)
    {
        var row = await InstanceRowAsync(instance, version: 0, cancellationToken);
        var start = await InboxRowAsync(startMessage, cancellationToken);
        await IndexIfDelayedAsync(start, startMessage, cancellationToken);
        try
        {
            await history.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Add, row),
                new TableTransactionAction(TableTransactionActionType.UpsertReplace, start),
            ], cancellationToken);
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            return false;
        }
        await instances.UpsertEntityAsync(InstanceRows.Projection(row), TableUpdateMode.Replace, cancellationToken);
        await HintAsync(instance.InstanceId, startMessage.VisibleAt, cancellationToken);
        Signal.Pulse();
        return true;
    }

    public async Task SendAsync(IReadOnlyList<OrchestrationMessage> messages, CancellationToken cancellationToken = default)
    {
        await DeliverAsync(messages, cancellationToken);
        Signal.Pulse();
    }

    public async Task<InstanceRecord?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var key = EngineKeys.Escape(instanceId);
        var row = await instances.GetEntityIfExistsAsync(key, EngineKeys.Instance, cancellationToken: cancellationToken)
            ?? await history.GetEntityIfExistsAsync(key, EngineKeys.Instance, cancellationToken: cancellationToken);
        return row is null ? null : await ReadRecordAsync(row, cancellationToken);
    }

    public async Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var key = EngineKeys.Escape(instanceId);
        var filter = $"{TableFilter.PartitionKeyEquals(key)} and {TableFilter.Compare("RowKey", "ge", EngineKeys.HistoryPrefix)} and {TableFilter.Compare("RowKey", "le", EngineKeys.Instance)}";
        var rows = await history.QueryAsync(filter, cancellationToken: cancellationToken).ToListAsync(cancellationToken);
        var instanceRow = rows.Find(r => r.RowKey == EngineKeys.Instance);
        if (instanceRow is null) return [];
        var committed = EngineKeys.History(instanceRow.GetInt32(InstanceRows.HistoryCount) ?? 0);
        var events = await Task.WhenAll(rows
            .Where(r => r.RowKey.StartsWith(EngineKeys.HistoryPrefix, StringComparison.Ordinal) && string.CompareOrdinal(r.RowKey, committed) < 0)
            .OrderBy(r => r.RowKey, StringComparer.Ordinal)
            .Select(async r => JsonSerializer.Deserialize(await payloads.GetAsync(r, cancellationToken), AzureEngineJsonContext.Default.HistoryEvent)!));
        return events;
    }

    /// <summary>A strictly increasing per-process stamp ordering inbox rows by arrival (ties across processes broken by id).</summary>
    private static long NextSequence()
    {
        var now = TimeProvider.System.GetUtcNow().UtcTicks;
        while (true)
        {
            var last = Interlocked.Read(ref lastSequence);
            var next = Math.Max(now, last + 1);
            if (Interlocked.CompareExchange(ref lastSequence, next, last) == last) return next;
        }
    }

    /// <summary>A real-time delay until <paramref name="due"/> by this store's clock, within what a queue accepts.</summary>
    private TimeSpan DelayUntil(DateTimeOffset due)
    {
        var delay = due - time.GetUtcNow();
        return delay <= TimeSpan.Zero ? TimeSpan.Zero : delay > QueueClient.MaxVisibilityTimeout ? QueueClient.MaxVisibilityTimeout : delay;
    }

    private static TimeSpan Hold(TimeSpan span) =>
        span < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : span > QueueClient.MaxVisibilityTimeout ? QueueClient.MaxVisibilityTimeout : span;
}
