using Microsoft.Data.Sqlite;

namespace DurableTasks.Backends.Sqlite;

/// <summary>
/// The store's one writing connection: its prepared statements, kept for the life of the store, and its transactions,
/// begun and ended with prepared statements too. The store's write loop is its only user.
/// </summary>
internal sealed class SqliteWriter(SqliteConnection connection) : IAsyncDisposable
{
    private readonly Dictionary<string, WriterStatement> statements = new(StringComparer.Ordinal);

    /// <summary>The prepared statement for <paramref name="sql"/>, its parameters unbound.</summary>
    public WriterStatement Statement(string sql)
    {
        if (!statements.TryGetValue(sql, out var statement))
        {
            statement = new WriterStatement(connection.Handle!, sql);
            statements[sql] = statement;
        }
        return statement;
    }

    /// <summary>Takes the write lock now (IMMEDIATE), so a busy file fails here rather than at the first write.</summary>
    public void Begin() => Statement("BEGIN IMMEDIATE").Execute();

    public void Commit() => Statement("COMMIT").Execute();

    /// <summary>
    /// Rolls back whatever is open, and never throws: nothing is open when a failed COMMIT already ended the
    /// transaction, and what a failing ROLLBACK leaves SQLite rolls back itself.
    /// </summary>
    public void Rollback()
    {
        try
        {
            if (connection.Handle is { } handle && SQLitePCL.raw.sqlite3_get_autocommit(handle) == 0) Statement("ROLLBACK").Execute();
        }
        catch (SqliteException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var statement in statements.Values) statement.Dispose();
        statements.Clear();
        await connection.DisposeAsync();
    }
}
