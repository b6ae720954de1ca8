namespace DurableTasks.Backends.Sqlite;

/// <summary>Settings of the embedded SQLite store.</summary>
public sealed record SqliteStoreOptions
{
    /// <summary>The database file; created with its folder if missing.</summary>
    public required string DatabasePath { get; init; }

    /// <summary>How long a write waits for another process's write lock before failing.</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
