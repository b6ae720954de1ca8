namespace DurableTasks.Backends.Sqlite;

/// <summary>
/// The tables of the embedded store (schema version 3). Business times (created, updated, visible_at) are UTC ticks on
/// the engine's <see cref="TimeProvider"/>; lock expiry (locked_until) is UTC ticks on the wall clock, so a killed
/// worker's lease runs out in seconds whatever the virtual clock does. History rows (one per episode) and message bodies are Microsoft's
/// protobuf messages (<c>HistoryEvent</c>, <c>ActivityRequest</c>), so an episode request is built without conversion.
/// </summary>
internal static class SqliteSchema
{
    public const int Version = 3;

    /// <summary>The messages table's columns and key, shared by its creation and the upgrade from version 2.</summary>
    private const string MessageColumns = """
        instance_id   TEXT NOT NULL,
        message_id    TEXT NOT NULL,
        seq           INTEGER NOT NULL,  -- arrival order within the instance (see SqliteOrchestrationStore.NextMessageSeq)
        execution_id  TEXT,
        visible_at    INTEGER NOT NULL,
        remember      INTEGER NOT NULL DEFAULT 0,
        body          BLOB NOT NULL,
        PRIMARY KEY (instance_id, message_id)
        """;

    public const string Create = $$"""
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
        CREATE TABLE IF NOT EXISTS messages ({{MessageColumns}}) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_messages_due ON messages (visible_at, instance_id);
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

    /// <summary>
    /// Version 2 to 3: messages keyed by (instance, message id) without a rowid, so a message row is two B-trees (the
    /// table and its due index) instead of four. Pending messages keep their order: old sequence numbers were rowids,
    /// far below the tick-based ones given from now on.
    /// </summary>
    public const string MigrateFrom2 = $$"""
        CREATE TABLE messages_v3 ({{MessageColumns}}) WITHOUT ROWID;
        INSERT OR IGNORE INTO messages_v3 (instance_id, message_id, seq, execution_id, visible_at, remember, body)
            SELECT instance_id, message_id, seq, execution_id, visible_at, remember, body FROM messages ORDER BY seq;
        DROP TABLE messages;
        ALTER TABLE messages_v3 RENAME TO messages;
        """;
}
