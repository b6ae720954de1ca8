using Microsoft.Data.Sqlite;

namespace Approvals.Stores.Embedded;

/// <summary>One SQLite file for the embedded application stores (WAL, busy timeout), with its schema.</summary>
public sealed class EmbeddedDatabase
{
    private readonly string connectionString;

    public EmbeddedDatabase(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString();
        using var connection = Open();
        using var create = connection.CreateCommand();
        create.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS keyed_records (scope TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (scope, key)) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS dead_letters (id INTEGER PRIMARY KEY AUTOINCREMENT, queue TEXT NOT NULL, message_id TEXT NOT NULL, body TEXT NOT NULL, reason TEXT NOT NULL, at INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS queue_messages (id INTEGER PRIMARY KEY AUTOINCREMENT, queue TEXT NOT NULL, body TEXT NOT NULL, visible_at INTEGER NOT NULL, dequeue_count INTEGER NOT NULL DEFAULT 0);
            CREATE INDEX IF NOT EXISTS ix_queue_due ON queue_messages (queue, visible_at);
            CREATE TABLE IF NOT EXISTS queue_sent_ids (queue TEXT NOT NULL, message_id TEXT NOT NULL, PRIMARY KEY (queue, message_id)) WITHOUT ROWID;
            """;
        create.ExecuteNonQuery();
    }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        // WAL with synchronous NORMAL: a commit survives the process being killed (only an OS crash can lose the last
        // ones), and a write holds the lock for far less than an fsync, so concurrent writers rarely wait.
        pragma.CommandText = "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 30000;";
        pragma.ExecuteNonQuery();
        return connection;
    }
}
