using System.Text.Json;

namespace Approvals.Stores.Embedded;

/// <summary>Certificates in the embedded database: the index row holds the record as JSON, the document its bytes.</summary>
public sealed class SqliteCertificateStore : ICertificateStore
{
    private readonly EmbeddedDatabase database;

    public SqliteCertificateStore(EmbeddedDatabase database)
    {
        this.database = database;
        using var connection = database.Open();
        using var create = connection.CreateCommand();
        create.CommandText = """
            CREATE TABLE IF NOT EXISTS certificates (number TEXT PRIMARY KEY, project_code TEXT NOT NULL, record TEXT NOT NULL, document BLOB NOT NULL, content_type TEXT NOT NULL) WITHOUT ROWID;
            CREATE INDEX IF NOT EXISTS ix_certificates_project ON certificates (project_code);
            """;
        create.ExecuteNonQuery();
    }

    public async Task<CertificateRecord> IssueAsync(CertificateRecord certificate, byte[] document, string documentContentType, CancellationToken cancellationToken = default)
    {
        database.Write(connection =>
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT OR IGNORE INTO certificates VALUES ($n, $p, $r, $d, $t)";
            insert.Parameters.AddWithValue("$n", certificate.Number);
            insert.Parameters.AddWithValue("$p", certificate.ProjectCode);
            insert.Parameters.AddWithValue("$r", JsonSerializer.Serialize(certificate));
            insert.Parameters.AddWithValue("$d", document);
            insert.Parameters.AddWithValue("$t", documentContentType);
            return insert.ExecuteNonQuery();
        });
        return (await GetAsync(certificate.Number, cancellationToken))!;
    }

    public Task<CertificateRecord?> GetAsync(string number, CancellationToken cancellationToken = default)
    {
        using var connection = database.Open();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT record FROM certificates WHERE number = $n";
        select.Parameters.AddWithValue("$n", number);
        return Task.FromResult(select.ExecuteScalar() is string json ? JsonSerializer.Deserialize<CertificateRecord>(json) : null);
    }

    public Task<CertificateRecord?> RevokeAsync(string number, string reason, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        Task.FromResult(database.Write(connection => Revoke(connection, number, reason, at)));

    private static CertificateRecord? Revoke(Microsoft.Data.Sqlite.SqliteConnection connection, string number, string reason, DateTimeOffset at)
    {
        using var tx = connection.BeginTransaction(deferred: false);
        using var select = connection.CreateCommand();
        select.Transaction = tx;
        select.CommandText = "SELECT record FROM certificates WHERE number = $n";
        select.Parameters.AddWithValue("$n", number);
        if (select.ExecuteScalar() is not string json) return null;
        var record = JsonSerializer.Deserialize<CertificateRecord>(json)!;
        if (record.Status != "revoked")
        {
            record = record with { Status = "revoked", RevokedAt = at, RevocationReason = reason };
            using var update = connection.CreateCommand();
            update.Transaction = tx;
            update.CommandText = "UPDATE certificates SET record = $r WHERE number = $n";
            update.Parameters.AddWithValue("$r", JsonSerializer.Serialize(record));
            update.Parameters.AddWithValue("$n", number);
            update.ExecuteNonQuery();
        }
        tx.Commit();
        return record;
    }

    public Task<IReadOnlyList<CertificateRecord>> ListByProjectAsync(string projectCode, CancellationToken cancellationToken = default)
    {
        using var connection = database.Open();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT record FROM certificates WHERE project_code = $p ORDER BY number";
        select.Parameters.AddWithValue("$p", projectCode);
        using var reader = select.ExecuteReader();
        var list = new List<CertificateRecord>();
        while (reader.Read()) list.Add(JsonSerializer.Deserialize<CertificateRecord>(reader.GetString(0))!);
        return Task.FromResult<IReadOnlyList<CertificateRecord>>(list);
    }

    public Task<(byte[] Content, string ContentType)?> GetDocumentAsync(string number, CancellationToken cancellationToken = default)
    {
        using var connection = database.Open();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT document, content_type FROM certificates WHERE number = $n";
        select.Parameters.AddWithValue("$n", number);
        using var reader = select.ExecuteReader();
        return Task.FromResult<(byte[], string)?>(reader.Read() ? ((byte[])reader[0], reader.GetString(1)) : null);
    }
}
