namespace DurableTasks.Backends.Sqlite;

/// <summary>
/// The tables of the embedded store (schema version 2). Business times (created, updated, visible_at) are UTC ticks on
/// the engine's <see cref="TimeProvider"/>; lock expiry (locked_until) is UTC ticks on the wall clock, so a killed
/// worker's lease runs out in seconds whatever the virtual clock does. History rows (one per episode) and message bodies are Microsoft's
/// protobuf messages (<c>HistoryEvent</c>, <c>ActivityRequest</c>), so an episode request is built without conversion.
/// </summary>
internal static class SqliteSchema
{
    public const int Version = 2;

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
            failure       BLOB,
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
            seq         INTEGER NOT NULL,    -- index of the episode's first event in the execution's history
            event       BLOB NOT NULL,       -- the episode's HistoryEvents, length-delimited
            PRIMARY KEY (instance_id, seq)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS messages (
            seq           INTEGER PRIMARY KEY,
            message_id    TEXT NOT NULL UNIQUE,
            kind          INTEGER NOT NULL,
            instance_id   TEXT NOT NULL,
            execution_id  TEXT,
            visible_at    INTEGER NOT NULL,
            locked_until  INTEGER NOT NULL DEFAULT 0,
            lock_token    TEXT,
            dequeue_count INTEGER NOT NULL DEFAULT 0,
            remember      INTEGER NOT NULL DEFAULT 0,
            body          BLOB NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_messages_due ON messages (kind, visible_at);
        CREATE INDEX IF NOT EXISTS ix_messages_instance ON messages (instance_id, kind, seq);
        CREATE TABLE IF NOT EXISTS activities (
            message_id    TEXT PRIMARY KEY,  -- '{instance}|{execution}|a{task}': an instance's requests are one key range
            instance_id   TEXT NOT NULL,
            execution_id  TEXT,
            visible_at    INTEGER NOT NULL,
            locked_until  INTEGER NOT NULL DEFAULT 0,
            lock_token    TEXT,
            dequeue_count INTEGER NOT NULL DEFAULT 0,
            body          BLOB NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_activities_due ON activities (visible_at);
        CREATE TABLE IF NOT EXISTS delivered_events (
            instance_id TEXT NOT NULL,
            message_id  TEXT NOT NULL,
            PRIMARY KEY (instance_id, message_id)
        ) WITHOUT ROWID;
        """;
}
