using Approvals.Stores;
using Approvals.Stores.Embedded;

namespace Approvals.Tests.Stores;

public sealed class FolderMaterialStoreTests : MaterialStoreContract, IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("materials-").FullName;

    public FolderMaterialStoreTests() => Store = new FolderMaterialStore(folder, TimeProvider.System);

    protected override IMaterialStore Store { get; }

    [Fact]
    public async Task Refused_upload_leaves_no_temporary_file()
    {
        await Assert.ThrowsAsync<MaterialRejectedException>(() => Store.PutAsync(new MemoryStream(Pdf("x", 10_000)), "O", "x.pdf", 100));
        Assert.Empty(Directory.GetFiles(folder, "*.tmp", SearchOption.AllDirectories));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}

public sealed class SqliteCreditLedgerTests : CreditLedgerContract, IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("ledger-").FullName;
    private readonly SqliteCreditLedger ledger;

    public SqliteCreditLedgerTests() => ledger = new SqliteCreditLedger(Path.Combine(folder, "credit.db"));

    protected override ICreditLedger Ledger => ledger;

    protected override Task TamperAsync(string uscc, long sequence, string details)
    {
        ledger.TamperForTest(uscc, sequence, details);
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
