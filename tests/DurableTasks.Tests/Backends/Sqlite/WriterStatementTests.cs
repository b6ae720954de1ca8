using DurableTasks.Backends.Sqlite;
using Microsoft.Data.Sqlite;

namespace DurableTasks.Tests.Backends.Sqlite;

/// <summary>The writer's statements on SQLite's own API: values round-trip, mistakes are named, a failure leaves nothing half-done.</summary>
public sealed class WriterStatementTests : IAsyncLifetime
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"writer-statement-{Environment.ProcessId}-{Environment.TickCount64}.db");
    private SqliteWriter writer = null!;

    public Task InitializeAsync()
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "PRAGMA journal_mode = WAL; CREATE TABLE t (id TEXT PRIMARY KEY, n INTEGER, body BLOB) WITHOUT ROWID;";
            create.ExecuteNonQuery();
        }
        writer = new SqliteWriter(connection);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await writer.DisposeAsync();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" }) File.Delete(file);
    }

    [Fact]
    public void Text_numbers_nulls_and_blobs_come_back_as_written_and_a_reused_statement_forgets_the_last_values()
    {
        var insert = writer.Statement("INSERT INTO t (id, n, body) VALUES ($id, $n, $body)");
        Assert.Equal(1, insert.Bind("$id", "申请-0001 ✓").Bind("$n", long.MaxValue).Bind("$body", new byte[] { 0, 1, 255 }).Execute());
        Assert.Equal(1, insert.Bind("$id", "second").Bind("$n", (long?)null).Bind("$body", (byte[]?)null).Execute());

        var rows = writer.Statement("SELECT id, n, body FROM t ORDER BY id").Rows()
            .Select(r => (Id: r.GetString(0), N: r.IsDBNull(1) ? (long?)null : r.GetInt64(1), Body: r.IsDBNull(2) ? null : r.GetBlob(2)))
            .ToList();

        Assert.Equal(2, rows.Count);
        Assert.Equal(("second", (long?)null), (rows[0].Id, rows[0].N));
        Assert.Null(rows[0].Body);
        Assert.Equal(("申请-0001 ✓", (long?)long.MaxValue), (rows[1].Id, rows[1].N));
        Assert.Equal(new byte[] { 0, 1, 255 }, rows[1].Body);
    }

    [Fact]
    public void A_parameter_left_out_is_named_nothing_is_written_and_the_statement_starts_clean()
    {
        var insert = writer.Statement("INSERT INTO t (id, n, body) VALUES ($id, $n, $body)");

        var problem = Assert.Throws<InvalidOperationException>(() => insert.Bind("$id", "a").Execute());

        Assert.Contains("$n", problem.Message, StringComparison.Ordinal);
        Assert.Contains("$body", problem.Message, StringComparison.Ordinal);
        Assert.Equal(0, writer.Statement("SELECT COUNT(*) FROM t").ScalarInt64());
        // The value given before the failure is not carried into the next execution.
        Assert.Throws<InvalidOperationException>(() => insert.Bind("$n", 1).Bind("$body", (byte[]?)null).Execute());
        Assert.Equal(1, insert.Bind("$id", "b").Bind("$n", 1).Bind("$body", (byte[]?)null).Execute());
    }

    [Fact]
    public void A_parameter_the_statement_does_not_have_is_refused_by_name()
    {
        var insert = writer.Statement("INSERT INTO t (id, n, body) VALUES ($id, $n, $body)");

        var problem = Assert.Throws<ArgumentException>(() => insert.Bind("$nope", 1));

        Assert.Contains("$nope", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_constraint_failure_is_sqlites_error_and_the_statement_and_transaction_go_on_working()
    {
        var insert = writer.Statement("INSERT INTO t (id, n, body) VALUES ($id, $n, $body)");
        writer.Begin();
        insert.Bind("$id", "same").Bind("$n", 1).Bind("$body", (byte[]?)null).Execute();

        var problem = Assert.Throws<SqliteException>(() => insert.Bind("$id", "same").Bind("$n", 2).Bind("$body", (byte[]?)null).Execute());
        insert.Bind("$id", "other").Bind("$n", 3).Bind("$body", (byte[]?)null).Execute();
        writer.Rollback();

        Assert.Equal(19, problem.SqliteErrorCode); // SQLITE_CONSTRAINT
        Assert.Equal(0, writer.Statement("SELECT COUNT(*) FROM t").ScalarInt64());
    }

    [Fact]
    public void Returning_rows_are_read_and_the_change_count_is_the_rows_changed()
    {
        var insert = writer.Statement("INSERT INTO t (id, n, body) VALUES ($id, $n, NULL)");
        foreach (var id in new[] { "a", "b", "c" }) insert.Bind("$id", id).Bind("$n", 1).Execute();

        var changed = writer.Statement("UPDATE t SET n = n + 1 WHERE id IN ($x, $y) RETURNING id").Bind("$x", "a").Bind("$y", "c").Rows().Select(r => r.GetString(0)).Order().ToList();
        var deleted = writer.Statement("DELETE FROM t WHERE n = $n").Bind("$n", 2).Execute();

        Assert.Equal(["a", "c"], changed);
        Assert.Equal(2, deleted);
        Assert.Equal(1, writer.Statement("SELECT COUNT(*) FROM t").ScalarInt64());
    }
}
