using System.Security.Cryptography;
using Approvals.Azure.Stores;
using Azure.Data.Tables;
using Approvals.Azure.Tests.Infrastructure;
using Approvals.Stores;
using Microsoft.Extensions.Time.Testing;

namespace Approvals.Azure.Tests.Stores;

/// <summary>What the Azure stores promise beyond the shared contracts: their layout and their behaviour under crashes and contention.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureStoreTests(AzuriteFixture azurite)
{
    private static byte[] Pdf(int padding) => [.. "%PDF-1.7\n"u8.ToArray(), .. RandomNumberGenerator.GetBytes(padding)];

    [Fact]
    public async Task A_material_blob_is_named_by_its_hash_typed_by_its_content_and_owned_in_the_table()
    {
        var container = azurite.Container("materials");
        var owners = azurite.Table("owners");
        var store = new BlobMaterialStore(container, owners, TimeProvider.System, new BlobMaterialStoreOptions { BlockSize = 16 * 1024 });
        var bytes = Pdf(50_000);

        var info = await store.PutAsync(new MemoryStream(bytes), "91350100M000100Y43", "总平面图.pdf", 1_000_000);

        var blobs = await container.GetBlobsAsync().ToListAsync();
        var blob = Assert.Single(blobs); // the staging blob is gone
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), blob.Name);
        Assert.Equal("application/pdf", blob.Properties.ContentType);
        Assert.Equal(bytes.Length, blob.Properties.ContentLength);
        var owner = Assert.Single(await owners.QueryAsync<TableEntity>(e => e.PartitionKey == info.MaterialId).ToListAsync());
        Assert.Equal(("91350100M000100Y43", "总平面图.pdf"), (owner.GetString("Owner"), owner.GetString("FileName")));
    }

    [Theory]
    [InlineData(100_000)] // larger than a block: refused while streaming blocks to staging
    [InlineData(5_000)]   // within one block: refused before anything is sent
    public async Task A_refused_upload_commits_no_blob_at_all(int size)
    {
        var container = azurite.Container("materials");
        var store = new BlobMaterialStore(container, azurite.Table("owners"), TimeProvider.System,
            new BlobMaterialStoreOptions { BlockSize = 8 * 1024 });

        var tooLarge = await Assert.ThrowsAsync<MaterialRejectedException>(() => store.PutAsync(new MemoryStream(Pdf(size)), "O", "x.pdf", size / 2));
        var executable = await Assert.ThrowsAsync<MaterialRejectedException>(() => store.PutAsync(new MemoryStream([.. "MZ"u8.ToArray(), .. new byte[size]]), "O", "x.pdf", size * 2));

        Assert.Equal(MaterialRejection.TooLarge, tooLarge.Reason);
        Assert.Equal(MaterialRejection.UnsupportedType, executable.Reason);
        Assert.Empty(await container.GetBlobsAsync().ToListAsync());
    }

    [Fact]
    public async Task Two_ledger_instances_with_their_own_connections_appending_to_one_chain_neither_fork_nor_lose()
    {
        // Two instances = two processes as far as storage can tell: separate pipelines, nothing shared in memory.
        var name = AzuriteFixture.UniqueName("credit");
        var ledgers = new[] { new TableCreditLedger(azurite.Account.Table(name)), new TableCreditLedger(azurite.Account.Table(name)) };
        const string uscc = "91350100M000100Y43";
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 10; i++)
                await ledgers[w % 2].AppendAsync(uscc, new CreditLedgerEntry($"writer-{w}", DateTimeOffset.UnixEpoch.AddDays(i), $"APP-{w}-{i}", "{}"));
        }));
        await Task.WhenAll(writers);

        var records = await ledgers[0].ReadAsync(uscc);
        Assert.Equal(Enumerable.Range(1, 40).Select(i => (long)i), records.Select(r => r.Sequence));
        Assert.Equal(40, records.Select(r => r.Reference).Distinct().Count());
        var verification = await ledgers[1].VerifyAsync(uscc);
        Assert.True(verification.Intact, verification.Problem);
    }

    [Fact]
    public async Task Removing_the_last_credit_record_is_caught_by_the_head_row()
    {
        var table = azurite.Table("credit");
        var ledger = new TableCreditLedger(table);
        for (var i = 1; i <= 3; i++) await ledger.AppendAsync("USCC-1", new CreditLedgerEntry("fulfilled", DateTimeOffset.UnixEpoch, $"APP-{i}", ""));

        await table.DeleteEntityAsync("USCC-1", TableCreditLedger.RowKeyOf(3));

        var verification = await ledger.VerifyAsync("USCC-1");
        Assert.False(verification.Intact);
        Assert.Equal(3, verification.FirstBrokenSequence);
        Assert.Contains("removed", verification.Problem);
    }

    [Fact]
    public async Task Removing_a_middle_credit_record_is_reported_where_the_gap_is()
    {
        var table = azurite.Table("credit");
        var ledger = new TableCreditLedger(table);
        for (var i = 1; i <= 4; i++) await ledger.AppendAsync("USCC-2", new CreditLedgerEntry("fulfilled", DateTimeOffset.UnixEpoch, $"APP-{i}", ""));

        await table.DeleteEntityAsync("USCC-2", TableCreditLedger.RowKeyOf(2));

        var verification = await ledger.VerifyAsync("USCC-2");
        Assert.False(verification.Intact);
        Assert.Equal(3, verification.FirstBrokenSequence);
    }

    [Fact]
    public async Task Issuing_again_after_a_crash_before_indexing_completes_the_project_index()
    {
        var table = azurite.Table("certs");
        var store = new TableCertificateStore(table, azurite.Container("certdocs"));
        var certificate = new CertificateRecord
        {
            Number = "SGXK-9", Item = "construction-permit", ItemName = "施工许可", HolderUscc = "U", HolderName = "H",
            ProjectCode = "P-1", ProjectName = "N", ApplicationId = "APP-9", IssuedAt = DateTimeOffset.UnixEpoch, VerifyUrl = "https://v/SGXK-9",
        };
        await store.IssueAsync(certificate, "doc"u8.ToArray(), "application/pdf");
        await table.DeleteEntityAsync("project:P-1", "SGXK-9"); // as if the process died before writing the index row
        Assert.Empty(await store.ListByProjectAsync("P-1"));

        await store.IssueAsync(certificate, "doc"u8.ToArray(), "application/pdf");

        Assert.Equal("SGXK-9", Assert.Single(await store.ListByProjectAsync("P-1")).Number);
    }

    [Fact]
    public async Task Dead_letters_keep_arrival_order_even_when_the_clock_stands_still()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero));
        var letters = new TableDeadLetters(azurite.Table("dead"), clock);
        for (var i = 0; i < 12; i++) await letters.AddAsync(new DeadLetter("q", $"m{i}", "{}", "bad", clock.GetUtcNow()));

        Assert.Equal(Enumerable.Range(0, 12).Select(i => $"m{i}"), (await letters.ListAsync("q")).Select(l => l.MessageId));
    }

    [Fact]
    public async Task Two_record_stores_racing_for_one_key_agree_on_the_first_value()
    {
        var name = AzuriteFixture.UniqueName("records");
        var stores = new[] { new TableKeyedRecords(azurite.Account.Table(name)), new TableKeyedRecords(azurite.Account.Table(name)) };
        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() => stores[i % 2].TryAddAsync("messages", "dept-msg-1", $"v{i}"))));

        Assert.Single(results, r => r.Added);
        Assert.Single(results.Select(r => r.Value).Distinct());
    }
}
