using Microsoft.Data.Sqlite;

namespace Approvals.Stores.Embedded;

/// <summary>
/// The credit ledger in the embedded SQLite file. An append reads the chain's head and inserts the next
/// record in one IMMEDIATE transaction; the (uscc, sequence) key makes a fork impossible even across processes.
/// </summary>
public sealed class SqliteCreditLedger(string databasePath) : ICreditLedger
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS credit_records (
            uscc TEXT NOT NULL, seq INTEGER NOT NULL, kind TEXT NOT NULL, occurred_at INTEGER NOT NULL,
            reference TEXT NOT NULL, details TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL,
            PRIMARY KEY (uscc, seq)) WITHOUT ROWID;
        """;

    private readonly SqliteFile file = new(databasePath, Schema);

    public Task<CreditLedgerRecord> AppendAsync(string uscc, CreditLedgerEntry entry, CancellationToken cancellationToken = default) =>
        Task.FromResult(file.Write(connection => Append(connection, uscc, entry)));

    private static CreditLedgerRecord Append(SqliteConnection connection, string uscc, CreditLedgerEntry entry)
    {
        using var tx = connection.BeginTransaction(deferred: false);
        using var head = connection.CreateCommand();
        head.Transaction = tx;
        head.CommandText = "SELECT seq, hash FROM credit_records WHERE uscc = $u ORDER BY seq DESC LIMIT 1";
        head.Parameters.AddWithValue("$u", uscc);
        long sequence = 1;
        var previous = CreditChain.Genesis;
        using (var reader = head.ExecuteReader())
        {
            if (reader.Read())
            {
                sequence = reader.GetInt64(0) + 1;
                previous = reader.GetString(1);
            }
        }
        var record = CreditChain.Link(uscc, sequence, entry, previous);
        using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = "INSERT INTO credit_records VALUES ($u, $s, $k, $o, $r, $d, $p, $h)";
        insert.Parameters.AddWithValue("$u", uscc);
        insert.Parameters.AddWithValue("$s", record.Sequence);
        insert.Parameters.AddWithValue("$k", record.Kind);
        insert.Parameters.AddWithValue("$o", record.OccurredAt.UtcTicks);
        insert.Parameters.AddWithValue("$r", record.Reference);
        insert.Parameters.AddWithValue("$d", record.Details);
        insert.Parameters.AddWithValue("$p", record.PreviousHash);
        insert.Parameters.AddWithValue("$h", record.Hash);
        insert.ExecuteNonQuery();
        tx.Commit();
        return record;
    }

    public Task<IReadOnlyList<CreditLedgerRecord>> ReadAsync(string uscc, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        using var read = connection.CreateCommand();
        read.CommandText = "SELECT uscc, seq, kind, occurred_at, reference, details, prev_hash, hash FROM credit_records WHERE uscc = $u ORDER BY seq";
        read.Parameters.AddWithValue("$u", uscc);
        using var reader = read.ExecuteReader();
        var records = new List<CreditLedgerRecord>();
        while (reader.Read())
        {
            records.Add(new CreditLedgerRecord(reader.GetString(0), reader.GetInt64(1), reader.GetString(2),
                new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero), reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetString(7)));
        }
        return Task.FromResult<IReadOnlyList<CreditLedgerRecord>>(records);
    }

    /// <summary>For tamper tests: rewrites one stored field behind the ledger's back.</summary>
    internal void TamperForTest(string uscc, long sequence, string details)
    {
        using var connection = Open();
        using var update = connection.CreateCommand();
        update.CommandText = "UPDATE credit_records SET details = $d WHERE uscc = $u AND seq = $s";
        update.Parameters.AddWithValue("$d", details);
        update.Parameters.AddWithValue("$u", uscc);
        update.Parameters.AddWithValue("$s", sequence);
        update.ExecuteNonQuery();
    }

    private SqliteConnection Open() => file.Open();
}
