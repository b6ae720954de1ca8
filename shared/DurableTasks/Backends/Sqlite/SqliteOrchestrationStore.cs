using System.Diagnostics;
using System.Text.Json;
using Google.Protobuf;
using Microsoft.Data.Sqlite;
using Microsoft.DurableTask.Client;
using P = Microsoft.DurableTask.Protobuf;

namespace DurableTasks.Backends.Sqlite;

/// <summary>
/// The embedded store: one SQLite file (WAL) with instance, history and message tables. A durable timer is a message
/// whose visible_at lies ahead. Every episode commit (history, instance, outgoing messages, consumed messages) is one
/// transaction; several processes may share the file.
/// </summary>
public sealed partial class SqliteOrchestrationStore : IOrchestrationStore, IAsyncDisposable
{
    private readonly SqliteStoreOptions options;
    private readonly TimeProvider timeProvider;
    private readonly TimeProvider wallClock;
    private readonly string connectionString;
    private readonly SemaphoreSlim writeGate = new(1, 1);
    private readonly System.Threading.Channels.Channel<PendingWrite> writes =
        System.Threading.Channels.Channel.CreateUnbounded<PendingWrite>(new() { SingleReader = true });
    private Task? writeLoop;
    private SqliteWriter? writer;
    private volatile bool disposed;

    /// <param name="options">Where the file is.</param>
    /// <param name="timeProvider">Business time: timers, timestamps, creation dates (a virtual clock in Development).</param>
    /// <param name="wallClock">Lease expiry; the system clock unless a test needs to move it.</param>
    public SqliteOrchestrationStore(SqliteStoreOptions options, TimeProvider? timeProvider = null, TimeProvider? wallClock = null)
    {
        this.options = options;
        this.timeProvider = timeProvider ?? TimeProvider.System;
        this.wallClock = wallClock ?? TimeProvider.System;
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = options.DatabasePath,
            Pooling = true,
            DefaultTimeout = (int)options.BusyTimeout.TotalSeconds,
        }.ToString();
    }

    public WorkSignal Signal { get; } = new();

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await writeGate.WaitAsync(cancellationToken);
        try
        {
            if (writer is not null) return;
            // The folder is created here rather than in the constructor, so a folder that cannot be written yet fails
            // this call (which the worker retries) instead of the host's startup.
            var folder = Path.GetDirectoryName(Path.GetFullPath(options.DatabasePath));
            if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
            var connection = Open();
            using (var version = connection.CreateCommand())
            {
                version.CommandText = "PRAGMA user_version";
                var found = Convert.ToInt32(version.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
                using var tables = connection.CreateCommand();
                tables.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'instances'";
                var hasTables = Convert.ToInt32(tables.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
                if (hasTables && found == 2)
                {
                    using var migrate = connection.BeginTransaction(deferred: false);
                    using var command = connection.CreateCommand();
                    command.Transaction = migrate;
                    command.CommandText = SqliteSchema.MigrateFrom2 + $"PRAGMA user_version = {SqliteSchema.Version};";
                    command.ExecuteNonQuery();
                    migrate.Commit();
                }
                else if (hasTables && found != SqliteSchema.Version)
                {
                    connection.Dispose();
                    throw new InvalidOperationException(
                        $"'{options.DatabasePath}' holds durable state in schema version {found}; this engine reads version {SqliteSchema.Version}. " +
                        "Move the file away (its instances cannot be resumed by this version) and start again.");
                }
            }
            using (var command = connection.CreateCommand())
            {
                command.CommandText = SqliteSchema.Create + $"PRAGMA user_version = {SqliteSchema.Version};";
                command.ExecuteNonQuery();
            }
            using (var noAutoCheckpoint = connection.CreateCommand())
            {
                // Checkpoints run beside the writer (CheckpointLoopAsync), not in its commits.
                noAutoCheckpoint.CommandText = "PRAGMA wal_autocheckpoint = 0";
                noAutoCheckpoint.ExecuteNonQuery();
            }
            writer = new SqliteWriter(connection);
            writeLoop = Task.Run(WriteLoopAsync);
            checkpointLoop = Task.Run(CheckpointLoopAsync);
        }
        finally
        {
            writeGate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        disposed = true;
        writes.Writer.TryComplete();
        if (writeLoop is not null) await writeLoop;
        await stopping.CancelAsync();
        if (checkpointLoop is not null) await checkpointLoop;
        await writeGate.WaitAsync();
        try
        {
            if (writer is not null) await writer.DisposeAsync();
            writer = null;
        }
        finally
        {
            writeGate.Release();
        }
    }

    public Task<bool> CreateInstanceAsync(InstanceRecord instance, OrchestrationMessage startMessage, CancellationToken cancellationToken = default)
    {
        var start = EncodedMessage.Of(startMessage);
        return WriteAsync(tx =>
        {
            if (!InsertInstance(tx, instance)) return false;
            InsertMessage(tx, start);
            return true;
        }, cancellationToken);
    }

    public Task SendAsync(IReadOnlyList<OrchestrationMessage> messages, CancellationToken cancellationToken = default)
    {
        var encoded = EncodedMessage.Of(messages);
        return WriteAsync(tx =>
        {
            foreach (var m in encoded) InsertMessage(tx, m);
            return true;
        }, cancellationToken);
    }

    public Task<InstanceRecord?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {InstanceColumns} FROM instances WHERE instance_id = $id";
        command.Parameters.AddWithValue("$id", instanceId);
        using var reader = command.ExecuteReader();
        return Task.FromResult(reader.Read() ? ReadInstance(new ReaderRow(reader)) : null);
    }

    public Task<IReadOnlyList<P.HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        return Task.FromResult(ReadHistory(connection, instanceId));
    }

    public Task<(long Orchestration, long Activity)> GetBacklogAsync(CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT COUNT(*) FROM messages), (SELECT COUNT(*) FROM activities)";
        using var reader = command.ExecuteReader();
        reader.Read();
        return Task.FromResult((reader.GetInt64(0), reader.GetInt64(1)));
    }

    public Task<bool> HasDueWorkAsync(CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT EXISTS (SELECT 1 FROM messages INDEXED BY ix_messages_due WHERE visible_at <= $now)
                OR EXISTS (SELECT 1 FROM activities INDEXED BY ix_activities_due WHERE visible_at <= $now)
            """;
        command.Parameters.AddWithValue("$now", timeProvider.GetUtcNow().UtcTicks);
        return Task.FromResult(Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) != 0);
    }

    public Task<DateTimeOffset?> NextVisibleAtAsync(DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT MIN(visible_at) FROM messages INDEXED BY ix_messages_due WHERE visible_at > $now AND visible_at <= $until";
        command.Parameters.AddWithValue("$now", timeProvider.GetUtcNow().UtcTicks);
        command.Parameters.AddWithValue("$until", until.UtcTicks);
        var value = command.ExecuteScalar();
        return Task.FromResult<DateTimeOffset?>(value is long ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null);
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = $"PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = {(int)options.BusyTimeout.TotalMilliseconds};";
        pragma.ExecuteNonQuery();
        return connection;
    }

    /// <summary>
    /// Runs <paramref name="work"/> atomically. Writes that arrive together are applied by one writer task in one
    /// IMMEDIATE transaction (group commit): each keeps its own all-or-nothing, and the batch pays one commit. A write
    /// that throws rolls the group back, and the group is then applied write by write, so only that one fails.
    /// </summary>
    private async Task<T> WriteAsync<T>(Func<SqliteWriter, T> work, CancellationToken cancellationToken, bool signal = true,
        [System.Runtime.CompilerServices.CallerMemberName] string operation = "")
    {
        // A store whose file could not be opened at startup tries again on the first write, and fails it with the
        // file's own error while it still cannot.
        if (writer is null && !disposed) await InitializeAsync(cancellationToken);
        var pending = new PendingWrite<T>(work, signal, operation, cancellationToken);
        if (!writes.Writer.TryWrite(pending)) throw new ObjectDisposedException(nameof(SqliteOrchestrationStore));
        return await pending.Task;
    }

    private Task? checkpointLoop;
    private readonly CancellationTokenSource stopping = new();
    private long transactionsCommitted;

    /// <summary>
    /// Copies the write-ahead log into the database file beside the writer rather than inside it: SQLite's automatic
    /// checkpoint runs in the commit that crosses 1,000 pages, on the single writer every episode waits for (it was a
    /// sixth of the writer's time). A passive checkpoint takes no lock the writer needs; a crash during one loses nothing.
    /// </summary>
    private async Task CheckpointLoopAsync()
    {
        long checkpointedAt = 0;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(CheckpointInterval, stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            var committed = Interlocked.Read(ref transactionsCommitted);
            if (committed == checkpointedAt) continue;
            try
            {
                using var connection = Open();
                using var checkpoint = connection.CreateCommand();
                checkpoint.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
                checkpoint.ExecuteNonQuery();
                checkpointedAt = committed;
            }
            catch (SqliteException)
            {
                // A busy or unreadable file: the next round tries again.
            }
        }
    }

    /// <summary>How often (wall time) the log is copied into the database file while writes happen.</summary>
    private static readonly TimeSpan CheckpointInterval = TimeSpan.FromMilliseconds(200);

    private async Task WriteLoopAsync()
    {
        var batch = new List<PendingWrite>(MaxWritesPerTransaction);
        while (await writes.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxWritesPerTransaction && writes.Reader.TryRead(out var next))
            {
                if (next.IsCancelled) next.Cancel();
                else batch.Add(next);
            }
            if (batch.Count == 0) continue;
            if (!TryApply(batch))
            {
                foreach (var single in batch) TryApply([single]);
            }
            if (batch.Any(w => w.Signals)) Signal.Pulse();
            batch.Clear();
        }
    }

    /// <summary>Applies the writes in one transaction and completes them; false (nothing applied, none completed) if one threw.</summary>
    private bool TryApply(IReadOnlyList<PendingWrite> batch)
    {
        var tx = writer!;
        try
        {
            tx.Begin();
            foreach (var write in batch)
            {
                var started = Stopwatch.GetTimestamp();
                write.Run(tx);
                WriterBusy(write.Operation, started);
            }
            var committing = Stopwatch.GetTimestamp();
            tx.Commit();
            WriterBusy("Commit", committing);
            Interlocked.Increment(ref transactionsCommitted);
            Diagnostics.EngineTelemetry.StoreTransactions.Add(1);
        }
        catch (Exception ex)
        {
            tx.Rollback();
            if (batch.Count > 1) return false;
            batch[0].Fail(ex);
            return true;
        }
        foreach (var write in batch) write.Complete();
        return true;
    }

    /// <summary>The single writer's time, by what it was doing: the one resource every episode and activity waits on.</summary>
    private static void WriterBusy(string operation, long started) =>
        Diagnostics.EngineTelemetry.StoreWriterBusyMilliseconds.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("operation", operation));

    /// <summary>Writes applied together at most: enough to amortize a commit, few enough to keep each wait short.</summary>
    private const int MaxWritesPerTransaction = 64;

    private abstract class PendingWrite
    {
        public abstract bool Signals { get; }

        /// <summary>The store method that asked for the write, for the writer's busy-time metric.</summary>
        public abstract string Operation { get; }

        public abstract bool IsCancelled { get; }

        public abstract void Run(SqliteWriter tx);

        public abstract void Complete();

        public abstract void Fail(Exception exception);

        public abstract void Cancel();
    }

    private sealed class PendingWrite<T>(Func<SqliteWriter, T> work, bool signals, string operation, CancellationToken cancellationToken) : PendingWrite
    {
        private readonly TaskCompletionSource<T> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T result = default!;

        public Task<T> Task => completion.Task;

        public override bool Signals => signals;

        public override string Operation => operation;

        public override bool IsCancelled => cancellationToken.IsCancellationRequested;

        public override void Run(SqliteWriter tx) => result = work(tx);

        public override void Complete() => completion.TrySetResult(result);

        public override void Fail(Exception exception) => completion.TrySetException(exception);

        public override void Cancel() => completion.TrySetCanceled(cancellationToken);
    }

    private static IReadOnlyList<P.HistoryEvent> ReadHistory(SqliteConnection connection, string instanceId)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT event FROM history WHERE instance_id = $id ORDER BY seq";
        command.Parameters.AddWithValue("$id", instanceId);
        using var reader = command.ExecuteReader();
        var events = new List<P.HistoryEvent>();
        while (reader.Read()) HistoryRows.Decode((byte[])reader.GetValue(0), events);
        return events;
    }

    private static bool InsertInstance(SqliteWriter tx, InstanceRecord i) => tx.Statement("""
            INSERT OR IGNORE INTO instances (instance_id, name, execution_id, status, input, parent, created_at, updated_at)
            VALUES ($id, $name, $exec, $status, $input, $parent, $created, $created)
            """)
        .Bind("$id", i.InstanceId)
        .Bind("$name", i.Name)
        .Bind("$exec", i.ExecutionId)
        .Bind("$status", (int)i.Status)
        .Bind("$input", i.Input)
        .Bind("$parent", i.Parent is null ? null : JsonSerializer.Serialize(i.Parent))
        .Bind("$created", i.CreatedAt.UtcTicks)
        .Execute() == 1;

    private void InsertMessage(SqliteWriter tx, EncodedMessage encoded)
    {
        var m = encoded.Message;
        tx.Statement("""
            INSERT OR IGNORE INTO messages (instance_id, message_id, seq, execution_id, visible_at, remember, body)
            SELECT $iid, $mid, $seq, $exec, $visible, $remember, $body
            WHERE $remember = 0 OR NOT EXISTS (SELECT 1 FROM delivered_events WHERE instance_id = $iid AND message_id = $mid)
            """)
            .Bind("$iid", m.InstanceId)
            .Bind("$mid", m.MessageId)
            .Bind("$seq", NextMessageSeq())
            .Bind("$exec", m.ExecutionId)
            .Bind("$visible", m.VisibleAt.UtcTicks)
            .Bind("$remember", m.RememberAfterDelivery ? 1 : 0)
            .Bind("$body", encoded.Body)
            .Execute();
    }

    /// <summary>Messages in multi-row statements; those whose id must stay remembered after delivery go one by one (they check it).</summary>
    private void InsertMessages(SqliteWriter tx, IReadOnlyList<EncodedMessage> messages)
    {
        var plain = new List<EncodedMessage>(messages.Count);
        foreach (var m in messages)
        {
            if (m.Message.RememberAfterDelivery) InsertMessage(tx, m);
            else plain.Add(m);
        }
        for (var start = 0; start < plain.Count; start += MaxRowsPerStatement)
        {
            var rows = Math.Min(MaxRowsPerStatement, plain.Count - start);
            var statement = tx.Statement(Sql.InsertMessages(rows));
            for (var i = 0; i < rows; i++)
            {
                var (m, body) = plain[start + i];
                statement
                    .Bind(Sql.Name("$i", i), m.InstanceId)
                    .Bind(Sql.Name("$m", i), m.MessageId)
                    .Bind(Sql.Name("$s", i), NextMessageSeq())
                    .Bind(Sql.Name("$x", i), m.ExecutionId)
                    .Bind(Sql.Name("$v", i), m.VisibleAt.UtcTicks)
                    .Bind(Sql.Name("$b", i), body);
            }
            statement.Execute();
        }
    }

    private long lastMessageSeq;

    /// <summary>
    /// Arrival order of a message, which an episode receives its messages in. It is only an order, never a time: the
    /// system clock's ticks (so processes sharing the file interleave sensibly, and a restarted process continues
    /// above what it wrote before), and never less than one more than the last given here. Only the writer calls it.
    /// </summary>
    private long NextMessageSeq() => lastMessageSeq = Math.Max(lastMessageSeq + 1, DateTime.UtcNow.Ticks);

    /// <summary>Deletes an instance's activity requests: its key range (ids start with the instance id and '|').</summary>
    private static void DeleteActivitiesOf(SqliteWriter tx, string instanceId) =>
        tx.Statement("DELETE FROM activities WHERE message_id >= $from AND message_id < $to")
            .Bind("$from", instanceId + "|")
            .Bind("$to", instanceId + "}")
            .Execute();

    private static void InsertActivities(SqliteWriter tx, IReadOnlyList<EncodedActivity> activities, long visibleAt)
    {
        for (var start = 0; start < activities.Count; start += MaxRowsPerStatement)
        {
            var rows = Math.Min(MaxRowsPerStatement, activities.Count - start);
            var statement = tx.Statement(Sql.InsertActivities(rows)).Bind("$visible", visibleAt);
            for (var i = 0; i < rows; i++)
            {
                var (a, body) = activities[start + i];
                statement
                    .Bind(Sql.Name("$m", i), a.MessageId)
                    .Bind(Sql.Name("$i", i), a.InstanceId)
                    .Bind(Sql.Name("$x", i), a.ExecutionId)
                    .Bind(Sql.Name("$b", i), body);
            }
            statement.Execute();
        }
    }

    /// <summary>Rows per multi-row statement: few statements per commit, and a bounded set of cached statement texts.</summary>
    internal const int MaxRowsPerStatement = 32;

    /// <summary>A message row as the writer read it (<see cref="MessageColumns"/>); its body is parsed off the writer.</summary>
    private readonly record struct MessageRow(string MessageId, string InstanceId, string? ExecutionId, byte[] Body, long VisibleAt, bool Remember, long Seq)
    {
        public static MessageRow Read<TRow>(TRow r) where TRow : IRow => new(
            r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetBlob(3), r.GetInt64(4), r.GetInt32(5) != 0, r.GetInt64(6));

        public OrchestrationMessage ToMessage() =>
            new(MessageId, InstanceId, ExecutionId, P.HistoryEvent.Parser.ParseFrom(Body), new DateTimeOffset(VisibleAt, TimeSpan.Zero)) { RememberAfterDelivery = Remember };
    }

    internal const string MessageColumns = "message_id, instance_id, execution_id, body, visible_at, remember, seq";

    internal const string InstanceColumns =
        "instance_id, name, execution_id, status, input, output, custom_status, failure, parent, created_at, updated_at, completed_at, history_count";

    private static InstanceRecord ReadInstance<TRow>(TRow r) where TRow : IRow => new()
    {
        InstanceId = r.GetString(0),
        Name = r.GetString(1),
        ExecutionId = r.GetString(2),
        Status = (OrchestrationRuntimeStatus)r.GetInt32(3),
        Input = r.IsDBNull(4) ? null : r.GetString(4),
        Output = r.IsDBNull(5) ? null : r.GetString(5),
        CustomStatus = r.IsDBNull(6) ? null : r.GetString(6),
        Failure = r.IsDBNull(7) ? null : P.TaskFailureDetails.Parser.ParseFrom(r.GetBlob(7)).ToClient(),
        Parent = r.IsDBNull(8) ? null : JsonSerializer.Deserialize<ParentInstance>(r.GetString(8)),
        CreatedAt = new DateTimeOffset(r.GetInt64(9), TimeSpan.Zero),
        LastUpdatedAt = new DateTimeOffset(r.GetInt64(10), TimeSpan.Zero),
        CompletedAt = r.IsDBNull(11) ? null : new DateTimeOffset(r.GetInt64(11), TimeSpan.Zero),
        HistoryCount = r.GetInt32(12),
    };
}
