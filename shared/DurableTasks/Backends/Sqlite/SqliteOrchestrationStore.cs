using System.Text.Json;
using DurableTasks.Abstractions;
using DurableTasks.History;
using Microsoft.Data.Sqlite;

namespace DurableTasks.Backends.Sqlite;

/// <summary>
/// The embedded default store: one SQLite file (WAL) with instance, history and message tables. A durable
/// timer is a message whose visible_at lies ahead. Every episode commit (history, instance, outgoing
/// messages, consumed messages) is one transaction; several processes may share the file.
/// </summary>
public sealed partial class SqliteOrchestrationStore : IOrchestrationStore, IAsyncDisposable
{
    private readonly SqliteStoreOptions options;
    private readonly TimeProvider timeProvider;
    private readonly string connectionString;
    private readonly SemaphoreSlim writeGate = new(1, 1);
    private readonly Dictionary<string, SqliteCommand> commands = new(StringComparer.Ordinal);
    private SqliteConnection? writer;

    public SqliteOrchestrationStore(SqliteStoreOptions options, TimeProvider? timeProvider = null)
    {
        this.options = options;
        this.timeProvider = timeProvider ?? TimeProvider.System;
        var folder = Path.GetDirectoryName(Path.GetFullPath(options.DatabasePath));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
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
            var connection = Open();
            using (var command = connection.CreateCommand())
            {
                command.CommandText = SqliteSchema.Create;
                command.ExecuteNonQuery();
            }
            writer = connection;
        }
        finally
        {
            writeGate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await writeGate.WaitAsync();
        try
        {
            foreach (var command in commands.Values) command.Dispose();
            commands.Clear();
            if (writer is not null) await writer.DisposeAsync();
            writer = null;
        }
        finally
        {
            writeGate.Release();
        }
    }

    public Task<bool> CreateInstanceAsync(InstanceRecord instance, OrchestrationMessage startMessage, CancellationToken cancellationToken = default) =>
        WriteAsync(tx =>
        {
            if (!InsertInstance(tx, instance)) return false;
            InsertMessage(tx, startMessage);
            return true;
        }, cancellationToken);

    public Task SendAsync(IReadOnlyList<OrchestrationMessage> messages, CancellationToken cancellationToken = default) =>
        WriteAsync(tx =>
        {
            foreach (var m in messages) InsertMessage(tx, m);
            return true;
        }, cancellationToken);

    public Task<InstanceRecord?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {InstanceColumns} FROM instances WHERE instance_id = $id";
        command.Parameters.AddWithValue("$id", instanceId);
        using var reader = command.ExecuteReader();
        return Task.FromResult(reader.Read() ? ReadInstance(reader) : null);
    }

    public Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT h.event, p.data FROM history h
            LEFT JOIN payloads p ON p.instance_id = h.instance_id AND p.seq = h.seq
            WHERE h.instance_id = $id ORDER BY h.seq
            """;
        command.Parameters.AddWithValue("$id", instanceId);
        using var reader = command.ExecuteReader();
        var events = new List<HistoryEvent>();
        while (reader.Read())
        {
            var json = reader.GetString(0) == SqliteSchema.PayloadMarker ? reader.GetString(1) : reader.GetString(0);
            events.Add(JsonSerializer.Deserialize(json, EngineJsonContext.Default.HistoryEvent)!);
        }
        return Task.FromResult<IReadOnlyList<HistoryEvent>>(events);
    }

    public Task<(long Orchestration, long Activity)> GetBacklogAsync(CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT kind, COUNT(*) FROM messages GROUP BY kind";
        using var reader = command.ExecuteReader();
        long orchestration = 0, activity = 0;
        while (reader.Read())
        {
            if (reader.GetInt32(0) == SqliteSchema.OrchestrationKind) orchestration = reader.GetInt64(1);
            else activity = reader.GetInt64(1);
        }
        return Task.FromResult((orchestration, activity));
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

    /// <summary>Runs <paramref name="work"/> in one IMMEDIATE transaction on the writer connection, serialized within the process.</summary>
    private async Task<T> WriteAsync<T>(Func<SqliteTransaction, T> work, CancellationToken cancellationToken, bool signal = true)
    {
        await writeGate.WaitAsync(cancellationToken);
        T result;
        try
        {
            var connection = writer ?? throw new InvalidOperationException("The SQLite store is not initialized: call InitializeAsync first.");
            using var tx = connection.BeginTransaction(deferred: false);
            result = work(tx);
            tx.Commit();
        }
        finally
        {
            writeGate.Release();
        }
        if (signal) Signal.Pulse();
        return result;
    }

    private SqliteCommand Command(SqliteTransaction tx, string sql)
    {
        if (!commands.TryGetValue(sql, out var command))
        {
            command = writer!.CreateCommand();
            command.CommandText = sql;
            commands[sql] = command;
        }
        command.Transaction = tx;
        command.Parameters.Clear();
        return command;
    }

    private static SqliteCommand With(SqliteCommand command, string name, object? value)
    {
        command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    private bool InsertInstance(SqliteTransaction tx, InstanceRecord i)
    {
        var command = Command(tx, """
            INSERT OR IGNORE INTO instances (instance_id, name, execution_id, status, input, parent, created_at, updated_at)
            VALUES ($id, $name, $exec, $status, $input, $parent, $created, $created)
            """);
        With(command, "$id", i.InstanceId);
        With(command, "$name", i.Name);
        With(command, "$exec", i.ExecutionId);
        With(command, "$status", (int)i.Status);
        With(command, "$input", i.Input);
        With(command, "$parent", i.Parent is null ? null : JsonSerializer.Serialize(i.Parent, EngineJsonContext.Default.ParentInstanceInfo));
        With(command, "$created", i.CreatedAt.UtcTicks);
        return command.ExecuteNonQuery() == 1;
    }

    private void InsertMessage(SqliteTransaction tx, OrchestrationMessage m) =>
        InsertRawMessage(tx, m.MessageId, SqliteSchema.OrchestrationKind, m.InstanceId, m.VisibleAt, JsonSerializer.Serialize(m, EngineJsonContext.Default.OrchestrationMessage));

    private void InsertRawMessage(SqliteTransaction tx, string messageId, int kind, string instanceId, DateTimeOffset visibleAt, string body)
    {
        var command = Command(tx, """
            INSERT OR IGNORE INTO messages (message_id, kind, instance_id, visible_at, body)
            VALUES ($mid, $kind, $iid, $visible, $body)
            """);
        With(command, "$mid", messageId);
        With(command, "$kind", kind);
        With(command, "$iid", instanceId);
        With(command, "$visible", visibleAt.UtcTicks);
        With(command, "$body", body);
        command.ExecuteNonQuery();
    }

    private const string InstanceColumns =
        "instance_id, name, execution_id, status, input, output, custom_status, failure, parent, created_at, updated_at, completed_at, history_count";

    private static InstanceRecord ReadInstance(SqliteDataReader r) => new()
    {
        InstanceId = r.GetString(0),
        Name = r.GetString(1),
        ExecutionId = r.GetString(2),
        Status = (OrchestrationRuntimeStatus)r.GetInt32(3),
        Input = r.IsDBNull(4) ? null : r.GetString(4),
        Output = r.IsDBNull(5) ? null : r.GetString(5),
        CustomStatus = r.IsDBNull(6) ? null : r.GetString(6),
        Failure = r.IsDBNull(7) ? null : JsonSerializer.Deserialize(r.GetString(7), EngineJsonContext.Default.TaskFailureDetails),
        Parent = r.IsDBNull(8) ? null : JsonSerializer.Deserialize(r.GetString(8), EngineJsonContext.Default.ParentInstanceInfo),
        CreatedAt = new DateTimeOffset(r.GetInt64(9), TimeSpan.Zero),
        LastUpdatedAt = new DateTimeOffset(r.GetInt64(10), TimeSpan.Zero),
        CompletedAt = r.IsDBNull(11) ? null : new DateTimeOffset(r.GetInt64(11), TimeSpan.Zero),
        HistoryCount = r.GetInt32(12),
    };
}
