using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Approvals.Azure.Storage;
using Azure;
using Azure.Core;

namespace Approvals.Azure.Tables;

/// <summary>
/// One table over the Table REST API (OData JSON, minimal metadata) on Azure.Core: create if missing; insert,
/// upsert (merge or replace), update and delete guarded by If-Match ETags; point reads; queries with
/// $filter / $select / $top and continuation tokens; and entity group transactions (up to 100 operations on one
/// partition, all or nothing).
/// </summary>
public sealed class TableClient
{
    private readonly StoragePipeline pipeline;
    private readonly Uri serviceUri;

    public TableClient(string connectionString, string tableName, StorageClientOptions? options = null)
        : this(StorageConnectionString.Parse(connectionString).TableEndpoint, tableName,
            StoragePipeline.ForTables(StorageConnectionString.Parse(connectionString).Credential, options))
    {
    }

    /// <summary>A table of the service at <paramref name="serviceUri"/> signed with an account key.</summary>
    public TableClient(Uri serviceUri, string tableName, StorageSharedKeyCredential credential, StorageClientOptions? options = null)
        : this(serviceUri, tableName, StoragePipeline.ForTables(credential, options))
    {
    }

    /// <summary>A table authorized by Microsoft Entra ID (scope https://storage.azure.com/.default).</summary>
    public TableClient(Uri serviceUri, string tableName, TokenCredential credential, StorageClientOptions? options = null)
        : this(serviceUri, tableName, StoragePipeline.WithToken(credential, options, table: true))
    {
    }

    private TableClient(Uri serviceUri, string tableName, StoragePipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(serviceUri);
        ArgumentException.ThrowIfNullOrEmpty(tableName);
        if (tableName.Length is < 3 or > 63 || !char.IsAsciiLetter(tableName[0]) || !tableName.All(char.IsAsciiLetterOrDigit))
            throw new ArgumentException($"Table name '{tableName}' must be 3-63 letters and digits, starting with a letter.", nameof(tableName));
        this.serviceUri = serviceUri;
        this.pipeline = pipeline;
        Name = tableName;
        Uri = StorageUris.Append(serviceUri, tableName);
    }

    public string Name { get; }

    public Uri Uri { get; }

    /// <summary>A sibling table of the same account, sharing this client's pipeline.</summary>
    public TableClient GetTableClient(string tableName) => new(serviceUri, tableName, pipeline);

    /// <summary>Creates the table; false when it already existed.</summary>
    public async Task<bool> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = CreateMessage(RequestMethod.Post, StorageUris.Append(serviceUri, "Tables"));
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        SetJson(message.Request, JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["TableName"] = Name }));
        try
        {
            await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (StorageRequestFailedException e) when (e.Status == 409 && e.ErrorCode == StorageErrorCode.TableAlreadyExists)
        {
            return false;
        }
    }

    /// <summary>Deletes the table with all its rows; false when it did not exist.</summary>
    public async Task<bool> DeleteIfExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = CreateMessage(RequestMethod.Delete, new Uri($"{StorageUris.Append(serviceUri, "Tables")}('{Name}')"));
        try
        {
            await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (StorageRequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }

    /// <summary>
    /// Inserts a new row; 409 <see cref="StorageErrorCode.EntityAlreadyExists"/> when the keys are taken. Returns the new
    /// ETag and stores it on <paramref name="entity"/> (as every write here does), ready for a guarded update.
    /// </summary>
    public async Task<ETag> AddEntityAsync(TableEntity entity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        using var message = CreateMessage(RequestMethod.Post, Uri);
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        SetJson(message.Request, TableEntityJson.Serialize(entity));
        var response = await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return entity.ETag = ReadETag(response);
    }

    /// <summary>Insert or merge / insert or replace, unconditionally. Returns the new ETag.</summary>
    public Task<ETag> UpsertEntityAsync(TableEntity entity, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default) =>
        WriteAsync(entity, mode, ifMatch: null, cancellationToken);

    /// <summary>
    /// Updates an existing row only if its ETag is still <paramref name="ifMatch"/> (<see cref="ETag.All"/>: any version).
    /// 412 <see cref="StorageErrorCode.UpdateConditionNotSatisfied"/> when someone else wrote it first; 404 when it is gone.
    /// </summary>
    public Task<ETag> UpdateEntityAsync(TableEntity entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default) =>
        WriteAsync(entity, mode, ifMatch == default ? ETag.All : ifMatch, cancellationToken);

    private async Task<ETag> WriteAsync(TableEntity entity, TableUpdateMode mode, ETag? ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var method = mode == TableUpdateMode.Merge ? RequestMethod.Parse("MERGE") : RequestMethod.Put;
        using var message = CreateMessage(method, EntityUri(entity.PartitionKey, entity.RowKey));
        if (ifMatch is { } etag) message.Request.Headers.SetValue("If-Match", StorageUris.HeaderValue(etag));
        SetJson(message.Request, TableEntityJson.Serialize(entity));
        var response = await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return entity.ETag = ReadETag(response);
    }

    /// <summary>Deletes a row if its ETag is still <paramref name="ifMatch"/> (default: any version).</summary>
    public async Task DeleteEntityAsync(string partitionKey, string rowKey, ETag ifMatch = default, CancellationToken cancellationToken = default)
    {
        using var message = CreateMessage(RequestMethod.Delete, EntityUri(partitionKey, rowKey));
        message.Request.Headers.SetValue("If-Match", ifMatch == default ? "*" : StorageUris.HeaderValue(ifMatch));
        await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads one row; 404 <see cref="StorageErrorCode.ResourceNotFound"/> when absent.</summary>
    public async Task<TableEntity> GetEntityAsync(string partitionKey, string rowKey, IReadOnlyList<string>? select = null, CancellationToken cancellationToken = default)
    {
        var uri = new RequestUriBuilder();
        uri.Reset(EntityUri(partitionKey, rowKey));
        if (select is { Count: > 0 }) uri.AppendQuery("$select", SelectWithKeys(select));
        using var message = CreateMessage(RequestMethod.Get, uri.ToUri());
        var response = await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        using var json = await JsonDocument.ParseAsync(response.ContentStream!, cancellationToken: cancellationToken).ConfigureAwait(false);
        return TableEntityJson.Read(json.RootElement, ReadETag(response));
    }

    /// <summary>Reads one row, or null when absent.</summary>
    public async Task<TableEntity?> GetEntityIfExistsAsync(string partitionKey, string rowKey, IReadOnlyList<string>? select = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await GetEntityAsync(partitionKey, rowKey, select, cancellationToken).ConfigureAwait(false);
        }
        catch (StorageRequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>One page of Query Entities, continuing from <paramref name="continuationToken"/> when given.</summary>
    public async Task<TableEntityPage> QueryPageAsync(TableQuery query, TableContinuationToken? continuationToken = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var uri = new RequestUriBuilder();
        uri.Reset(new Uri(Uri.AbsoluteUri + "()"));
        if (!string.IsNullOrEmpty(query.Filter)) uri.AppendQuery("$filter", query.Filter);
        if (query.Select is { Count: > 0 } select) uri.AppendQuery("$select", SelectWithKeys(select));
        if (query.Top is { } top) uri.AppendQuery("$top", top.ToString(CultureInfo.InvariantCulture));
        if (continuationToken is not null)
        {
            uri.AppendQuery("NextPartitionKey", continuationToken.NextPartitionKey);
            if (continuationToken.NextRowKey is not null) uri.AppendQuery("NextRowKey", continuationToken.NextRowKey);
        }
        using var message = CreateMessage(RequestMethod.Get, uri.ToUri());
        var response = await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        using var json = await JsonDocument.ParseAsync(response.ContentStream!, cancellationToken: cancellationToken).ConfigureAwait(false);
        var items = json.RootElement.GetProperty("value").EnumerateArray().Select(e => TableEntityJson.Read(e)).ToList();
        response.Headers.TryGetValue("x-ms-continuation-NextPartitionKey", out var nextPartition);
        response.Headers.TryGetValue("x-ms-continuation-NextRowKey", out var nextRow);
        var next = string.IsNullOrEmpty(nextPartition) ? null : new TableContinuationToken(nextPartition, string.IsNullOrEmpty(nextRow) ? null : nextRow);
        return new TableEntityPage(items, next);
    }

    /// <summary>Every row matching <paramref name="filter"/>, following continuation tokens page by page.</summary>
    public async IAsyncEnumerable<TableEntity> QueryAsync(string? filter = null, IReadOnlyList<string>? select = null, int? pageSize = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        TableContinuationToken? token = null;
        do
        {
            var page = await QueryPageAsync(new TableQuery(filter, select, pageSize), token, cancellationToken).ConfigureAwait(false);
            foreach (var entity in page.Items) yield return entity;
            token = page.ContinuationToken;
        }
        while (token is not null);
    }

    /// <summary>
    /// Applies <paramref name="actions"/> as one entity group transaction: all on one partition, at most 100, each row
    /// once. Either every action applies or none does (<see cref="TableTransactionFailedException"/> naming the failed
    /// action). Returns each action's new ETag (default for deletes) and updates the entities' ETags.
    /// </summary>
    public async Task<IReadOnlyList<ETag>> SubmitTransactionAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actions);
        if (actions.Count == 0) return [];
        if (actions.Count > TableBatch.MaxActions) throw new ArgumentException($"A transaction holds at most {TableBatch.MaxActions} actions.", nameof(actions));
        if (actions.Select(a => a.Entity.PartitionKey).Distinct(StringComparer.Ordinal).Count() != 1)
            throw new ArgumentException("All actions of a transaction must share one partition key.", nameof(actions));
        if (actions.Select(a => a.Entity.RowKey).Distinct(StringComparer.Ordinal).Count() != actions.Count)
            throw new ArgumentException("A transaction may touch each row only once.", nameof(actions));

        var (body, contentType) = TableBatch.Build(Uri.AbsoluteUri, actions);
        using var message = CreateMessage(RequestMethod.Post, StorageUris.Append(serviceUri, "$batch"));
        message.Request.Headers.SetValue("Content-Type", contentType);
        message.Request.Content = RequestContent.Create(body);
        var response = await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var text = response.Content.ToString();
        var parts = TableBatch.Parse(text);

        var failed = parts.FirstOrDefault(p => p.Status >= 400);
        if (failed is not null || parts.Count != actions.Count)
        {
            failed ??= new TableBatch.OperationResponse(500, "Unexpected batch response", new Dictionary<string, string>(), text);
            var (code, detail) = StorageRequestFailedException.ParseErrorBody(failed.Body);
            if (failed.Headers.TryGetValue("x-ms-error-code", out var headerCode)) code = headerCode;
            var index = FailedIndex(failed, detail, actions.Count);
            throw new TableTransactionFailedException(failed.Status, code, index,
                $"Table transaction of {actions.Count} action(s) on partition '{actions[0].Entity.PartitionKey}' was rolled back: " +
                $"{failed.Status} {failed.ReasonPhrase}{(code is null ? "" : $" ({code})")}{(index is null ? "" : $" at action {index}")}: {detail}");
        }

        var etags = new ETag[actions.Count];
        for (var i = 0; i < parts.Count; i++)
        {
            var slot = parts[i].Headers.TryGetValue("Content-ID", out var id) && int.TryParse(id, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= actions.Count ? n - 1 : i;
            if (parts[i].Headers.TryGetValue("ETag", out var etag))
            {
                etags[slot] = new ETag(etag);
                actions[slot].Entity.ETag = etags[slot];
            }
        }
        return etags;
    }

    /// <summary>The selected properties plus the keys, so every returned entity stays addressable.</summary>
    private static string SelectWithKeys(IReadOnlyList<string> select) =>
        string.Join(',', new[] { "PartitionKey", "RowKey", "Timestamp" }.Concat(select).Distinct(StringComparer.Ordinal));

    /// <summary>
    /// The failed action's index: the "n:" prefix the service puts on the error message (0-based, what Azure
    /// documents), else the failed part's Content-ID (1-based as sent). Azurite numbers Content-IDs itself (index + 1)
    /// instead of echoing the request's, so the message prefix is the reliable source.
    /// </summary>
    private static int? FailedIndex(TableBatch.OperationResponse failed, string? detail, int count)
    {
        if (detail is not null)
        {
            var colon = detail.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && int.TryParse(detail[..colon], NumberStyles.Integer, CultureInfo.InvariantCulture, out var prefix) && prefix >= 0 && prefix < count)
                return prefix;
        }
        if (failed.Headers.TryGetValue("Content-ID", out var id) && int.TryParse(id, NumberStyles.Integer, CultureInfo.InvariantCulture, out var contentId) && contentId >= 1 && contentId <= count)
            return contentId - 1;
        return count == 1 ? 0 : null;
    }

    /// <summary><c>{table}(PartitionKey='…',RowKey='…')</c> with quotes doubled and the keys percent-escaped.</summary>
    internal static string EntityAddress(string tableUri, string partitionKey, string rowKey) =>
        $"{tableUri}(PartitionKey='{EscapeKey(partitionKey)}',RowKey='{EscapeKey(rowKey)}')";

    private Uri EntityUri(string partitionKey, string rowKey) => new(EntityAddress(Uri.AbsoluteUri, partitionKey, rowKey));

    private static string EscapeKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Uri.EscapeDataString(key.Replace("'", "''", StringComparison.Ordinal));
    }

    private HttpMessage CreateMessage(RequestMethod method, Uri uri)
    {
        var message = pipeline.CreateMessage(method, uri);
        message.Request.Headers.SetValue("Accept", "application/json;odata=minimalmetadata");
        message.Request.Headers.SetValue("DataServiceVersion", "3.0");
        message.Request.Headers.SetValue("MaxDataServiceVersion", "3.0;NetFx");
        return message;
    }

    private static void SetJson(Request request, byte[] body)
    {
        request.Headers.SetValue("Content-Type", "application/json");
        request.Content = RequestContent.Create(body);
    }

    private static ETag ReadETag(Response response) =>
        response.Headers.TryGetValue("ETag", out var etag) ? new ETag(etag!) : default;
}
