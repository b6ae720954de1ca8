using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Approvals.Stores.Embedded;

/// <summary>
/// One SQLite file (WAL, busy timeout) whose folder and schema are created on first use, not on construction:
/// a folder that cannot be written yet (read-only mount, missing volume) fails the calls that need it, with
/// SQLite's own error, and the next call tries again, so the host still starts and recovers when the folder does.
/// Writes from this process take turns through <see cref="Write{T}"/>: two writers meeting on SQLite's lock would
/// otherwise meet its busy handler, which sleeps 1, 2, 5, 10, … ms between tries, and a request that loses a few
/// rounds stalls for tens of milliseconds behind writes that took a fraction of one.
/// </summary>
public sealed class SqliteFile(string path, string schema)
{
    private readonly string connectionString =
        new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString();
    private static readonly ConcurrentDictionary<string, object> WriteGates = new(StringComparer.Ordinal);
    private readonly object schemaGate = new();
    private volatile bool created;

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public SqliteConnection Open()
    {
        if (!created) CreateOnce();
        return Connect();
    }

    /// <summary>Runs <paramref name="write"/> on a connection of its own, after every other write of this process on this file.</summary>
    public T Write<T>(Func<SqliteConnection, T> write)
    {
        var gate = WriteGates.GetOrAdd(Path, _ => new object());
        lock (gate)
        {
            using var connection = Open();
            return write(connection);
        }
    }

    private void CreateOnce()
    {
        lock (schemaGate)
        {
            if (created) return;
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            using var connection = Connect();
            using var create = connection.CreateCommand();
            create.CommandText = "PRAGMA journal_mode = WAL;\n" + schema;
            create.ExecuteNonQuery();
            created = true;
        }
    }

    private SqliteConnection Connect()
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            using var pragma = connection.CreateCommand();
            // WAL with synchronous NORMAL: a commit survives the process being killed (only an OS crash can lose the last
            // ones), and a write holds the lock for far less than an fsync, so concurrent writers rarely wait.
            pragma.CommandText = "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 30000;";
            pragma.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
