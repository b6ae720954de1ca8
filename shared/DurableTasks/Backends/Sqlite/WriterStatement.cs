using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace DurableTasks.Backends.Sqlite;

/// <summary>
/// One prepared statement of the store's writer, run on SQLite's own API. Parameters are still named in the SQL, but
/// each name is looked up once, when the statement is prepared: binding by name through Microsoft.Data.Sqlite asked
/// SQLite for the index on every execution (a linear scan of the statement's names) and built a parameter object per
/// value, which in a profile was as much of the writer's time as SQLite's own work on the rows.
/// Only the writer uses it, one thread at a time.
/// </summary>
internal sealed class WriterStatement : IRow, IDisposable
{
    private readonly sqlite3 database;
    private readonly sqlite3_stmt statement;
    private readonly Dictionary<string, int> indexes;
    private readonly bool[] bound;
    private int boundCount;
    private byte[] utf8 = new byte[256];

    public WriterStatement(sqlite3 database, string sql)
    {
        this.database = database;
        Check(raw.sqlite3_prepare_v2(database, sql, out statement));
        var count = raw.sqlite3_bind_parameter_count(statement);
        indexes = new Dictionary<string, int>(count, StringComparer.Ordinal);
        for (var i = 1; i <= count; i++) indexes[raw.sqlite3_bind_parameter_name(statement, i).utf8_to_string()] = i;
        bound = new bool[count + 1];
        Sql = sql;
    }

    public string Sql { get; }

    public WriterStatement Bind(string name, long value)
    {
        Check(raw.sqlite3_bind_int64(statement, Index(name), value));
        return this;
    }

    public WriterStatement Bind(string name, long? value) => value is { } v ? Bind(name, v) : BindNull(name);

    public WriterStatement Bind(string name, string? value)
    {
        if (value is null) return BindNull(name);
        var length = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (utf8.Length < length) utf8 = new byte[Math.Max(length, utf8.Length * 2)];
        var written = Encoding.UTF8.GetBytes(value, utf8);
        // SQLite copies the text (SQLITE_TRANSIENT), so the buffer is free again when this returns.
        Check(raw.sqlite3_bind_text(statement, Index(name), utf8.AsSpan(0, written)));
        return this;
    }

    public WriterStatement Bind(string name, byte[]? value)
    {
        if (value is null) return BindNull(name);
        Check(raw.sqlite3_bind_blob(statement, Index(name), value));
        return this;
    }

    public WriterStatement BindNull(string name)
    {
        Check(raw.sqlite3_bind_null(statement, Index(name)));
        return this;
    }

    /// <summary>Runs the statement to its end and returns the rows it changed.</summary>
    public int Execute()
    {
        Start();
        try
        {
            int rc;
            while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
            }
            if (rc != raw.SQLITE_DONE) Check(rc);
            return raw.sqlite3_changes(database);
        }
        finally
        {
            Reset();
        }
    }

    /// <summary>The first column of the first row, or null when there is no row or it is NULL.</summary>
    public long? ScalarInt64()
    {
        long? value = null;
        foreach (var row in Rows())
        {
            if (!row.IsDBNull(0)) value = row.GetInt64(0);
            break;
        }
        return value;
    }

    /// <summary>Steps through the rows; read each through the yielded row before moving on. The statement is reset at the end.</summary>
    public IEnumerable<IRow> Rows()
    {
        Start();
        try
        {
            int rc;
            while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW) yield return this;
            if (rc != raw.SQLITE_DONE) Check(rc);
        }
        finally
        {
            Reset();
        }
    }

    public bool IsDBNull(int column) => raw.sqlite3_column_type(statement, column) == raw.SQLITE_NULL;

    public long GetInt64(int column) => raw.sqlite3_column_int64(statement, column);

    public int GetInt32(int column) => raw.sqlite3_column_int(statement, column);

    public string GetString(int column) => raw.sqlite3_column_text(statement, column).utf8_to_string();

    public byte[] GetBlob(int column) => raw.sqlite3_column_blob(statement, column).ToArray();

    public void Dispose() => statement.Dispose();

    /// <summary>The parameter's index, marked as given for this execution.</summary>
    private int Index(string name)
    {
        if (!indexes.TryGetValue(name, out var index)) throw new ArgumentException($"The statement has no parameter {name}: {Sql}", nameof(name));
        if (!bound[index])
        {
            bound[index] = true;
            boundCount++;
        }
        return index;
    }

    private void Start()
    {
        if (boundCount == indexes.Count) return;
        var missing = indexes.Where(p => !bound[p.Value]).Select(p => p.Key);
        Reset();
        throw new InvalidOperationException($"No value given for {string.Join(", ", missing)}: {Sql}");
    }

    private void Reset()
    {
        raw.sqlite3_reset(statement);
        raw.sqlite3_clear_bindings(statement);
        Array.Clear(bound);
        boundCount = 0;
    }

    private void Check(int rc)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_ROW or raw.SQLITE_DONE)) SqliteException.ThrowExceptionForRC(rc, database);
    }
}
