using Approvals.Azure.Engine;
using Approvals.Azure.Storage;
using Approvals.Azure.Tables;
using Approvals.Azure.Tests.Infrastructure;

namespace Approvals.Azure.Tests.Engine;

/// <summary>
/// Every Table storage behaviour the engine's store relies on, proven on Azurite (whose Table service has documented
/// gaps): ETags returned by a transaction guard the next one, a delete of a missing row fails the whole transaction,
/// mixed transactions, merge keeping properties, the exact filters the store sends, paging inside a partition, and
/// escaped keys.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzuriteTableFeaturesTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_etag_a_transaction_returns_guards_the_next_transaction_and_a_stale_one_fails_it_whole()
    {
        var table = await azurite.NewTableAsync();
        var first = await table.SubmitTransactionAsync([new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", "I") { { "V", 1 } })]);

        var touched = await table.SubmitTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.UpdateMerge, new TableEntity("p", "I") { { "V", 2 } }, first[0]),
            new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity("p", "H:0000000000") { { "Data", "a" } }),
        ]);
        Assert.NotEqual(first[0], touched[0]);

        var stale = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity("p", "H:0000000001") { { "Data", "b" } }),
            new TableTransactionAction(TableTransactionActionType.UpdateReplace, new TableEntity("p", "I") { { "V", 3 } }, first[0]),
        ]));
        Assert.Equal(412, stale.Status);
        Assert.Null(await table.GetEntityIfExistsAsync("p", "H:0000000001"));

        await table.SubmitTransactionAsync([new TableTransactionAction(TableTransactionActionType.UpdateReplace, new TableEntity("p", "I") { { "V", 3 } }, touched[0])]);
        Assert.Equal(3, (await table.GetEntityAsync("p", "I")).GetInt32("V"));
    }

    [Fact]
    public async Task Deleting_a_missing_row_fails_the_whole_transaction_with_404()
    {
        var table = await azurite.NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "M:a"));

        var error = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity("p", "M:a")),
            new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity("p", "M:missing")),
        ]));

        Assert.Equal(404, error.Status);
        Assert.NotNull(await table.GetEntityIfExistsAsync("p", "M:a"));
    }

    [Fact]
    public async Task One_transaction_updates_if_matching_adds_upserts_and_deletes_in_one_partition()
    {
        var table = await azurite.NewTableAsync();
        var etag = await table.AddEntityAsync(new TableEntity("p", "I") { { "LockToken", "t1" }, { "Version", 1L } });
        await table.AddEntityAsync(new TableEntity("p", "M:consumed"));

        await table.SubmitTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.UpdateReplace, new TableEntity("p", "I") { { "LockToken", "t1" }, { "Version", 2L } }, etag),
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", "O:0000000002") { { "Data", "{}" } }),
            new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity("p", "M:timer") { { "VisibleAt", 5L } }),
            new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity("p", "M:consumed")),
        ]);

        var rows = await table.QueryAsync(TableFilter.PartitionKeyEquals("p")).ToListAsync();
        Assert.Equal(["I", "M:timer", "O:0000000002"], rows.Select(r => r.RowKey));
        Assert.Equal(2L, rows[0].GetInt64("Version"));
    }

    [Fact]
    public async Task A_merge_releasing_a_lock_keeps_the_other_properties_and_stores_an_empty_token()
    {
        var table = await azurite.NewTableAsync();
        var etag = await table.AddEntityAsync(new TableEntity("p", "I") { { "LockToken", "abc" }, { "LockedUntil", 99L }, { "Data", "{...}" } });

        await table.UpdateEntityAsync(InstanceRowsPatch("p"), etag, TableUpdateMode.Merge);

        var row = await table.GetEntityAsync("p", "I");
        Assert.Equal("", row.GetString("LockToken"));
        Assert.Equal(0L, row.GetInt64("LockedUntil"));
        Assert.Equal("{...}", row.GetString("Data"));
    }

    [Fact]
    public async Task The_filters_the_store_sends_select_the_right_rows()
    {
        var table = await azurite.NewTableAsync();
        foreach (var (pk, rk, visible) in new[] { ("a", "H:0000000000", 0L), ("a", "I", 0L), ("a", "M:x", 10L), ("a", "M:y", 30L), ("a", "O:0000000001", 0L), ("b", "I", 0L), ("b", "M:z", 20L), ("b", "N", 0L) })
        {
            await table.AddEntityAsync(new TableEntity(pk, rk) { { "VisibleAt", visible } });
        }
        string Range(string prefix) => $"{TableFilter.Compare("RowKey", "ge", prefix)} and {TableFilter.Compare("RowKey", "lt", EngineKeys.After(prefix))}";

        var sweep = await table.QueryAsync($"({Range("M:")}) or ({Range("O:")})", ["VisibleAt"]).ToListAsync();
        Assert.Equal(["a/M:x", "a/M:y", "a/O:0000000001", "b/M:z"], sweep.Select(r => $"{r.PartitionKey}/{r.RowKey}").Order(StringComparer.Ordinal));

        var lockRead = await table.QueryAsync($"{TableFilter.PartitionKeyEquals("a")} and {TableFilter.Compare("RowKey", "ge", "I")} and {TableFilter.Compare("RowKey", "lt", "P")}").ToListAsync();
        Assert.Equal(["I", "M:x", "M:y", "O:0000000001"], lockRead.Select(r => r.RowKey));

        var historyRead = await table.QueryAsync($"{TableFilter.PartitionKeyEquals("a")} and {TableFilter.Compare("RowKey", "ge", "H:")} and {TableFilter.Compare("RowKey", "le", "I")}").ToListAsync();
        Assert.Equal(["H:0000000000", "I"], historyRead.Select(r => r.RowKey));

        var int64 = await table.QueryAsync($"({TableFilter.Compare("VisibleAt", "gt", 10L)} or ({TableFilter.Equal("VisibleAt", 10L)} and {TableFilter.Compare("PartitionKey", "gt", "0")})) and {TableFilter.Compare("VisibleAt", "le", 20L)}").ToListAsync();
        Assert.Equal(["a/M:x", "b/M:z"], int64.Select(r => $"{r.PartitionKey}/{r.RowKey}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Status_lists_and_id_prefix_ranges_filter_the_projection()
    {
        var table = await azurite.NewTableAsync();
        var ids = new[] { "q-1", "q-2", "q/3", "r-1", "q" };
        for (var i = 0; i < ids.Length; i++)
        {
            await table.AddEntityAsync(new TableEntity(EngineKeys.Escape(ids[i]), "I") { { "Status", i % 3 }, { "CreatedTicks", 1000L + i } });
        }
        var prefix = EngineKeys.Escape("q-");
        var byPrefix = await table.QueryAsync($"{TableFilter.Compare("PartitionKey", "ge", prefix)} and {TableFilter.Compare("PartitionKey", "lt", EngineKeys.After(prefix))}").ToListAsync();
        Assert.Equal(["q-1", "q-2"], byPrefix.Select(r => r.PartitionKey));

        var slash = EngineKeys.Escape("q/");
        var bySlash = await table.QueryAsync($"{TableFilter.Compare("PartitionKey", "ge", slash)} and {TableFilter.Compare("PartitionKey", "lt", EngineKeys.After(slash))}").ToListAsync();
        Assert.Equal([EngineKeys.Escape("q/3")], bySlash.Select(r => r.PartitionKey));

        var statuses = await table.QueryAsync($"({TableFilter.Equal("Status", 0)} or {TableFilter.Equal("Status", 2)}) and {TableFilter.Compare("CreatedTicks", "ge", 1001L)}").ToListAsync();
        Assert.Equal([EngineKeys.Escape("q/3"), "r-1"], statuses.Select(r => r.PartitionKey).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Keys_escaped_from_ids_with_reserved_characters_address_their_rows()
    {
        var table = await azurite.NewTableAsync();
        var ids = new[] { "a/b", "c\\d", "e#f", "g?h", "100%", "x~y", "tab\tend", "申请|O'Neil" };
        foreach (var id in ids) await table.AddEntityAsync(new TableEntity(EngineKeys.Escape(id), EngineKeys.Inbox(id + "|msg")) { { "Id", id } });

        foreach (var id in ids)
        {
            var row = await table.GetEntityAsync(EngineKeys.Escape(id), EngineKeys.Inbox(id + "|msg"));
            Assert.Equal(id, row.GetString("Id"));
        }
    }

    [Fact]
    public async Task A_filtered_read_of_one_partition_continues_across_pages()
    {
        var table = await azurite.NewTableAsync();
        for (var batch = 0; batch < 3; batch++)
        {
            await table.SubmitTransactionAsync(Enumerable.Range(batch * 100, 100)
                .Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", EngineKeys.History(i)) { { "Data", new string('x', 2000) } })).ToList());
        }
        await table.AddEntityAsync(new TableEntity("p", "I"));

        var pages = 0;
        TableContinuationToken? token = null;
        var rows = new List<TableEntity>();
        do
        {
            var page = await table.QueryPageAsync(new TableQuery($"{TableFilter.PartitionKeyEquals("p")} and {TableFilter.Compare("RowKey", "ge", "H:")} and {TableFilter.Compare("RowKey", "le", "I")}", Top: 120), token);
            rows.AddRange(page.Items);
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(3, pages);
        Assert.Equal(301, rows.Count);
        Assert.Equal(rows.Select(r => r.RowKey).Order(StringComparer.Ordinal), rows.Select(r => r.RowKey));
    }

    [Fact]
    public async Task An_insert_of_an_existing_message_row_fails_the_transaction_with_409()
    {
        var table = await azurite.NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "M:dup"));

        var error = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", "M:new")),
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", "M:dup")),
        ]));

        Assert.Equal((409, StorageErrorCode.EntityAlreadyExists), (error.Status, error.ErrorCode));
        Assert.Null(await table.GetEntityIfExistsAsync("p", "M:new"));
    }

    private static TableEntity InstanceRowsPatch(string partitionKey) => new(partitionKey, "I") { { "LockToken", "" }, { "LockedUntil", 0L } };
}
