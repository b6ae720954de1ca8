using Approvals.Stores;
using Azure;
using Azure.Data.Tables;
using Azure.Data.Tables.Models;

namespace Approvals.Azure.Stores;

/// <summary>
/// Write-once records in Table storage: partition = scope, row = key (both escaped to valid key characters). The
/// insert's uniqueness on (partition, row) decides the race: the first writer's value stays, later writers get it back.
/// Values longer than one string property are split over several (see <see cref="TableText"/>).
/// </summary>
public sealed class TableKeyedRecords : IKeyedRecords
{
    private readonly TableClient table;
    private readonly CreateOnce created;

    /// <param name="table">The records table (e.g. <c>Idempotency</c>); created on first use.</param>
    public TableKeyedRecords(TableClient table)
    {
        this.table = table ?? throw new ArgumentNullException(nameof(table));
        created = new CreateOnce(ct => table.CreateIfNotExistsAsync(ct));
    }

    public async Task<(bool Added, string Value)> TryAddAsync(string scope, string key, string value, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        await created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var row = new TableEntity(TableKeyEncoding.Encode(scope), TableKeyEncoding.Encode(key)) { { "Key", key } };
        TableText.Write(row, "Value", value);
        try
        {
            await table.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
            return (true, value);
        }
        catch (RequestFailedException e) when (e.Status == 409 && e.ErrorCode == TableErrorCode.EntityAlreadyExists)
        {
            return (false, await GetAsync(scope, key, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Record {scope}/{key} exists but could not be read."));
        }
    }

    public async Task<string?> GetAsync(string scope, string key, CancellationToken cancellationToken = default)
    {
        await created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(TableKeyEncoding.Encode(scope), TableKeyEncoding.Encode(key), cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? TableText.Read(row.Value!, "Value") ?? "" : null;
    }

    public async Task<IReadOnlyList<(string Key, string Value)>> ListAsync(string scope, string keyPrefix = "", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keyPrefix);
        await created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var filter = TableFilters.PartitionIs(TableKeyEncoding.Encode(scope));
        if (keyPrefix.Length > 0)
        {
            // Escaping keeps prefixes (it works character by character), so the keys are one range of row keys.
            var from = TableKeyEncoding.Encode(keyPrefix);
            var to = from[..^1] + (char)(from[^1] + 1);
            filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeyEncoding.Encode(scope)} and RowKey ge {from} and RowKey lt {to}");
        }
        var list = new List<(string Key, string Value)>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
            list.Add((row.GetString("Key") ?? TableKeyEncoding.Decode(row.RowKey), TableText.Read(row, "Value") ?? ""));
        // Escaped row keys sort differently from the keys themselves; order by the original key.
        return list.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
    }
}
