using Microsoft.Data.Sqlite;

namespace Approvals.Stores.Embedded;

/// <summary>The SQLite file of the embedded application stores (keyed records, dead letters, the local queue), with its schema.</summary>
public sealed class EmbeddedDatabase(string path)
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS keyed_records (scope TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (scope, key)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS dead_letters (id INTEGER PRIMARY KEY AUTOINCREMENT, queue TEXT NOT NULL, message_id TEXT NOT NULL, body TEXT NOT NULL, reason TEXT NOT NULL, at INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS queue_messages (id INTEGER PRIMARY KEY AUTOINCREMENT, queue TEXT NOT NULL, body TEXT NOT NULL, visible_at INTEGER NOT NULL, dequeue_count INTEGER NOT NULL DEFAULT 0);
        CREATE INDEX IF NOT EXISTS ix_queue_due ON queue_messages (queue, visible_at);
        CREATE TABLE IF NOT EXISTS queue_sent_ids (queue TEXT NOT NULL, message_id TEXT NOT NULL, PRIMARY KEY (queue, message_id)) WITHOUT ROWID;
        """;

    private readonly SqliteFile file = new(path, Schema);

    /// <summary>The file's full path, for messages that name it.</summary>
    public string Path => file.Path;

    public SqliteConnection Open() => file.Open();

    /// <summary>A write, in turn with this process's other writes on the file (see <see cref="SqliteFile.Write{T}"/>).</summary>
    public T Write<T>(Func<SqliteConnection, T> write) => file.Write(write);
}
