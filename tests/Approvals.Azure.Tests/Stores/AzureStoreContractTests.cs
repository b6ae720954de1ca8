using Approvals.Azure.Stores;
using Azure.Data.Tables;
using Approvals.Azure.Tests.Infrastructure;
using Approvals.Stores;
using Approvals.Tests.Stores;

namespace Approvals.Azure.Tests.Stores;

// The shared contract suites (tests/Approvals.Tests/Stores/*Contract.cs) run here against the Azure Storage stores on
// Azurite; each test gets fresh tables and containers, so fixed keys in the contracts never collide.

[Collection(AzuriteCollection.Name)]
public sealed class BlobMaterialStoreContractTests(AzuriteFixture azurite) : MaterialStoreContract
{
    // A small block size sends the larger contract uploads through the staged block-upload-and-copy path.
    protected override IMaterialStore Store { get; } = new BlobMaterialStore(
        azurite.Container("materials"),
        azurite.Table("owners"),
        TimeProvider.System,
        new BlobMaterialStoreOptions { BlockSize = 64 * 1024 });
}

[Collection(AzuriteCollection.Name)]
public sealed class TableCreditLedgerContractTests(AzuriteFixture azurite) : CreditLedgerContract
{
    private readonly TableClient table = azurite.Table("credit");

    protected override ICreditLedger Ledger => field ??= new TableCreditLedger(table);

    protected override Task TamperAsync(string uscc, long sequence, string details) =>
        table.UpsertEntityAsync(new TableEntity(uscc, TableCreditLedger.RowKeyOf(sequence)) { { "Details", details } }, TableUpdateMode.Merge);
}

[Collection(AzuriteCollection.Name)]
public sealed class TableKeyedRecordsContractTests(AzuriteFixture azurite) : KeyedRecordsContract
{
    protected override IKeyedRecords Records { get; } = new TableKeyedRecords(azurite.Table("records"));
}

[Collection(AzuriteCollection.Name)]
public sealed class TableCertificateStoreContractTests(AzuriteFixture azurite) : CertificateStoreContract
{
    protected override ICertificateStore Certificates { get; } = new TableCertificateStore(
        azurite.Table("certs"),
        azurite.Container("certdocs"));
}

[Collection(AzuriteCollection.Name)]
public sealed class TableDeadLettersContractTests(AzuriteFixture azurite) : DeadLettersContract
{
    protected override IDeadLetters Letters { get; } = new TableDeadLetters(azurite.Table("dead"), TimeProvider.System);
}
