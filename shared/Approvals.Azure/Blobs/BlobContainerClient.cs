using System.Globalization;
using System.Runtime.CompilerServices;
using System.Xml.Linq;
using Approvals.Azure.Storage;
using Azure;
using Azure.Core;

namespace Approvals.Azure.Blobs;

/// <summary>
/// A blob container over the Blob REST API on Azure.Core: create if missing, list by prefix with continuation,
/// and <see cref="GetBlobClient"/> for per-blob operations. Built from a connection string (Shared Key, Azurite) or an
/// endpoint and a <see cref="TokenCredential"/> (managed identity in production).
/// </summary>
public sealed class BlobContainerClient
{
    private readonly StoragePipeline pipeline;

    /// <summary>A container of the account a connection string names.</summary>
    public BlobContainerClient(string connectionString, string containerName, StorageClientOptions? options = null)
        : this(StorageUris.Append(StorageConnectionString.Parse(connectionString).BlobEndpoint, containerName),
            StoragePipeline.ForBlobsOrQueues(StorageConnectionString.Parse(connectionString).Credential, options))
    {
    }

    /// <summary>A container at <paramref name="containerUri"/> signed with an account key.</summary>
    public BlobContainerClient(Uri containerUri, StorageSharedKeyCredential credential, StorageClientOptions? options = null)
        : this(containerUri, StoragePipeline.ForBlobsOrQueues(credential, options))
    {
    }

    /// <summary>A container at <paramref name="containerUri"/> authorized by Microsoft Entra ID (scope https://storage.azure.com/.default).</summary>
    public BlobContainerClient(Uri containerUri, TokenCredential credential, StorageClientOptions? options = null)
        : this(containerUri, StoragePipeline.WithToken(credential, options, table: false))
    {
    }

    private BlobContainerClient(Uri containerUri, StoragePipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(containerUri);
        Uri = containerUri;
        Name = StorageUris.LastSegment(containerUri);
        this.pipeline = pipeline;
    }

    public Uri Uri { get; }

    public string Name { get; }

    public BlobClient GetBlobClient(string blobName)
    {
        ArgumentException.ThrowIfNullOrEmpty(blobName);
        return new BlobClient(pipeline, StorageUris.Append(Uri, blobName), Name, blobName);
    }

    /// <summary>Creates the container; false when it already existed.</summary>
    public async Task<bool> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = pipeline.CreateMessage(RequestMethod.Put, ContainerUri());
        try
        {
            await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (StorageRequestFailedException e) when (e.Status == 409 && e.ErrorCode == StorageErrorCode.ContainerAlreadyExists)
        {
            return false;
        }
    }

    /// <summary>Deletes the container and everything in it; false when it did not exist.</summary>
    public async Task<bool> DeleteIfExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = pipeline.CreateMessage(RequestMethod.Delete, ContainerUri());
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
    /// One page of List Blobs (names in lexical order, metadata included) starting at <paramref name="continuationToken"/>.
    /// </summary>
    public async Task<BlobPage> GetBlobsPageAsync(string? prefix = null, string? continuationToken = null, int? pageSize = null, CancellationToken cancellationToken = default)
    {
        var uri = new RequestUriBuilder();
        uri.Reset(Uri);
        uri.AppendQuery("restype", "container");
        uri.AppendQuery("comp", "list");
        uri.AppendQuery("include", "metadata");
        if (!string.IsNullOrEmpty(prefix)) uri.AppendQuery("prefix", prefix);
        if (!string.IsNullOrEmpty(continuationToken)) uri.AppendQuery("marker", continuationToken);
        if (pageSize is { } size) uri.AppendQuery("maxresults", size.ToString(CultureInfo.InvariantCulture));
        using var message = pipeline.CreateMessage(RequestMethod.Get, uri.ToUri());
        var response = await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var document = await XDocument.LoadAsync(response.ContentStream!, LoadOptions.None, cancellationToken).ConfigureAwait(false);
        var root = document.Root!;
        var items = root.Element("Blobs")?.Elements("Blob").Select(ParseItem).ToList() ?? [];
        var next = root.Element("NextMarker")?.Value;
        return new BlobPage(items, string.IsNullOrEmpty(next) ? null : next);
    }

    /// <summary>Every blob under <paramref name="prefix"/>, following continuation tokens page by page.</summary>
    public async IAsyncEnumerable<BlobItem> GetBlobsAsync(string? prefix = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? token = null;
        do
        {
            var page = await GetBlobsPageAsync(prefix, token, null, cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Items) yield return item;
            token = page.ContinuationToken;
        }
        while (token is not null);
    }

    private Uri ContainerUri()
    {
        var uri = new RequestUriBuilder();
        uri.Reset(Uri);
        uri.AppendQuery("restype", "container");
        return uri.ToUri();
    }

    private static BlobItem ParseItem(XElement blob)
    {
        var properties = blob.Element("Properties");
        string? Property(string name) => properties?.Element(name)?.Value;
        var metadata = blob.Element("Metadata")?.Elements().ToDictionary(e => e.Name.LocalName, e => e.Value, StringComparer.OrdinalIgnoreCase)
            ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        return new BlobItem(
            blob.Element("Name")!.Value,
            long.TryParse(Property("Content-Length"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var length) ? length : 0,
            Property("Content-Type"),
            Property("Etag") is { } etag ? new ETag(etag) : default,
            DateTimeOffset.TryParse(Property("Last-Modified"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var modified) ? modified : default,
            metadata);
    }
}
