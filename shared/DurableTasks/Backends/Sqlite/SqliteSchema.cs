namespace DurableTasks.Backends.Sqlite;

/// <summary>The tables of the embedded store. Times are UTC ticks; a message is visible once visible_at has passed.</summary>
internal static class SqliteSchema
{
    public const string Create = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS instances (
            instance_id   TEXT PRIMARY KEY,
            name          TEXT NOT NULL,
            execution_id  TEXT NOT NULL,
            status        INTEGER NOT NULL,
            input         TEXT,
            output        TEXT,
            custom_status TEXT,
            failure       TEXT,
            parent        TEXT,
            created_at    INTEGER NOT NULL,
            updated_at    INTEGER NOT NULL,
            completed_at  INTEGER,
            history_count INTEGER NOT NULL DEFAULT 0,
            lock_token    TEXT,
            locked_until  INTEGER NOT NULL DEFAULT 0
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_instances_created ON instances (created_at, instance_id);
        CREATE INDEX IF NOT EXISTS ix_instances_status ON instances (status, created_at);
        CREATE TABLE IF NOT EXISTS history (
            instance_id TEXT NOT NULL,
            seq         INTEGER NOT NULL,
            event       TEXT NOT NULL,
            PRIMARY KEY (instance_id, seq)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS payloads (
            instance_id TEXT NOT NULL,
            seq         INTEGER NOT NULL,
            data        TEXT NOT NULL,
            PRIMARY KEY (instance_id, seq)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS messages (
            seq           INTEGER PRIMARY KEY AUTOINCREMENT,
            message_id    TEXT NOT NULL UNIQUE,
            kind          INTEGER NOT NULL,
            instance_id   TEXT NOT NULL,
            visible_at    INTEGER NOT NULL,
            locked_until  INTEGER NOT NULL DEFAULT 0,
            lock_token    TEXT,
            dequeue_count INTEGER NOT NULL DEFAULT 0,
            body          TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_messages_due ON messages (kind, visible_at);
        CREATE INDEX IF NOT EXISTS ix_messages_instance ON messages (instance_id, kind, seq);
        """;

    public const int OrchestrationKind = 0;
    public const int ActivityKind = 1;

    /// <summary>Marks a history row whose event lives in the payload table.</summary>
    public const string PayloadMarker = "@payload";
}
