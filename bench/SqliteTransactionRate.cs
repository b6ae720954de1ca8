using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Bench;

/// <summary>The raw rate of single-row write transactions on a SQLite file with the engine's settings (WAL, synchronous=NORMAL).</summary>
internal static class SqliteTransactionRate
{
    public static double Measure(string path, TimeSpan duration)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using (var setup = connection.CreateCommand())
        {
            setup.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL);";
            setup.ExecuteNonQuery();
        }
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO t (body) VALUES ($body)";
        var body = insert.Parameters.Add("$body", SqliteType.Text);
        body.Value = new string('x', 200);
        var clock = Stopwatch.StartNew();
        long count = 0;
        while (clock.Elapsed < duration)
        {
            using var tx = connection.BeginTransaction(deferred: false);
            insert.Transaction = tx;
            insert.ExecuteNonQuery();
            tx.Commit();
            count++;
        }
        return count / clock.Elapsed.TotalSeconds;
    }
}
