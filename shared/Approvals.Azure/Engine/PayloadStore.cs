using System.Text;
using Approvals.Azure.Blobs;
using Approvals.Azure.Tables;

namespace Approvals.Azure.Engine;

/// <summary>
/// Keeps a row's JSON value inline (property <c>Data</c>) or, when larger than the inline limit, in a blob of the
/// payload container (property <c>DataBlob</c> names it). Blob names are unique per write, so a blob written for a
/// transaction that then fails is never referenced by a committed row; such orphans go with the instance's purge.
/// </summary>
internal sealed class PayloadStore(BlobContainerClient container, int maxInlineBytes)
{
    public const string DataProperty = "Data";
    public const string BlobProperty = "DataBlob";

    public BlobContainerClient Container => container;

    /// <summary>True when <paramref name="json"/> is too large to stay in the row.</summary>
    public bool TooLarge(string json) => json.Length * 2 > maxInlineBytes;

    public async Task SetAsync(TableEntity row, string instanceId, string json, CancellationToken cancellationToken)
    {
        if (TooLarge(json))
        {
            row[BlobProperty] = await UploadAsync(instanceId, json, cancellationToken).ConfigureAwait(false);
            row[DataProperty] = null;
        }
        else
        {
            row[DataProperty] = json;
            row[BlobProperty] = null;
        }
    }

    public async Task<string> UploadAsync(string instanceId, string json, CancellationToken cancellationToken)
    {
        var name = $"{EngineKeys.BlobFolder(instanceId)}/{Guid.NewGuid():N}";
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(json));
        await container.GetBlobClient(name).UploadAsync(content, new BlobUploadOptions { ContentType = "application/json" }, cancellationToken).ConfigureAwait(false);
        return name;
    }

    public async Task<string> GetAsync(TableEntity row, CancellationToken cancellationToken) =>
        row.GetString(BlobProperty) is { } blob ? await DownloadAsync(blob, cancellationToken).ConfigureAwait(false) : row.GetString(DataProperty) ?? "";

    public async Task<string> DownloadAsync(string name, CancellationToken cancellationToken)
    {
        await using var download = await container.GetBlobClient(name).DownloadAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        using var reader = new StreamReader(download.Content, Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes a payload blob no committed row references any more; failures are left to the purge.</summary>
    public async Task ForgetAsync(string? name)
    {
        if (name is null) return;
        try
        {
            await container.GetBlobClient(name).DeleteIfExistsAsync().ConfigureAwait(false);
        }
        catch (global::Azure.RequestFailedException)
        {
        }
    }

    /// <summary>Deletes every payload of an instance.</summary>
    public async Task PurgeAsync(string instanceId, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        await foreach (var item in container.GetBlobsAsync(EngineKeys.BlobFolder(instanceId) + "/", cancellationToken).ConfigureAwait(false)) names.Add(item.Name);
        foreach (var name in names) await container.GetBlobClient(name).DeleteIfExistsAsync(cancellationToken).ConfigureAwait(false);
    }
}
