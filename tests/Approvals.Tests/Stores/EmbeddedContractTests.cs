using Approvals.Stores;
using Approvals.Stores.Embedded;

namespace Approvals.Tests.Stores;

public sealed class SqliteCertificateStoreTests : CertificateStoreContract, IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("certificates-").FullName;

    public SqliteCertificateStoreTests() => Certificates = new SqliteCertificateStore(new EmbeddedDatabase(Path.Combine(folder, "app.db")));

    protected override ICertificateStore Certificates { get; }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}

public sealed class SqliteDeadLettersTests : DeadLettersContract, IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("dead-letters-").FullName;

    public SqliteDeadLettersTests() => Letters = new SqliteDeadLetters(new EmbeddedDatabase(Path.Combine(folder, "app.db")));

    protected override IDeadLetters Letters { get; }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
