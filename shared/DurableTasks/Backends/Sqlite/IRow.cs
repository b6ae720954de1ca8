using Microsoft.Data.Sqlite;

namespace DurableTasks.Backends.Sqlite;

/// <summary>The current row of a result, read the same way from the writer's statements and from readers' connections.</summary>
internal interface IRow
{
    bool IsDBNull(int column);

    long GetInt64(int column);

    int GetInt32(int column);

    string GetString(int column);

    byte[] GetBlob(int column);
}

/// <summary>A Microsoft.Data.Sqlite reader's current row as an <see cref="IRow"/>.</summary>
internal readonly struct ReaderRow(SqliteDataReader reader) : IRow
{
    public bool IsDBNull(int column) => reader.IsDBNull(column);

    public long GetInt64(int column) => reader.GetInt64(column);

    public int GetInt32(int column) => reader.GetInt32(column);

    public string GetString(int column) => reader.GetString(column);

    public byte[] GetBlob(int column) => (byte[])reader.GetValue(column);
}
