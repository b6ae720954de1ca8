namespace DurableTasks.Backends.Sqlite;

/// <summary>Settings of the embedded SQLite store.</summary>
public sealed record SqliteStoreOptions
{
    /// <summary>The database file; created with its folder if missing.</summary>
    public required string DatabasePath { get; init; }

    /// <summary>History events larger than this (UTF-16 chars of JSON) are kept in the payload table, not the history row.</summary>
    public int MaxInlinePayloadChars { get; init; } = 32 * 1024;

    /// <summary>How long a write waits for another process's write lock before failing.</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
