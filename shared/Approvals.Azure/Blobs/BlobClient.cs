using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Approvals.Azure.Storage;
using Azure;
using Azure.Core;

namespace Approvals.Azure.Blobs;

/// <summary>
/// One block blob: streamed upload (Put Blob, or Put Block + Put Block List for large content), streamed download,
/// properties, metadata, delete and server-side copy, each with optional ETag conditions. Obtain it from
/// <see cref="BlobContainerClient.GetBlobClient"/>.
/// </summary>
public sealed class BlobClient
{
    private readonly StoragePipeline pipeline;

    internal BlobClient(StoragePipeline pipeline, Uri uri, string containerName, string name)
    {
        this.pipeline = pipeline;
        Uri = uri;
        ContainerName = containerName;
        Name = name;
    }

    public Uri Uri { get; }

    public string ContainerName { get; }

    public string Name { get; }

    /// <summary>
    /// Streams <paramref name="content"/> into the blob, reading it once, holding at most one block in memory.
    /// The whole blob's MD5 is computed on the way and stored as its Content-MD5; each request also carries its
    /// own transactional Content-MD5 so the service rejects corrupted transfers.
    /// </summary>
    public async Task<BlobContentInfo> UploadAsync(Stream content, BlobUploadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        options ??= new BlobUploadOptions();
        if (options.BlockSize <= 0 || options.BlockSize > BlobUploadOptions.MaxBlockSize)
            throw new ArgumentOutOfRangeException(nameof(options), $"BlockSize must be between 1 and {BlobUploadOptions.MaxBlockSize} bytes.");

        var buffer = ArrayPool<byte>.Shared.Rent(options.BlockSize);
        try
        {
            using var wholeMd5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
            var filled = await content.ReadAtLeastAsync(buffer.AsMemory(0, options.BlockSize), options.BlockSize, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            wholeMd5.AppendData(buffer, 0, filled);
            if (filled < options.BlockSize)
            {
                return await PutBlobAsync(buffer.AsMemory(0, filled), options, cancellationToken).ConfigureAwait(false);
            }

            // Large content: stage block after block, then commit the list. A one-byte look-ahead is not needed:
            // a final empty read simply ends the loop.
            var blockIds = new List<string>();
            long size = 0;
            while (filled > 0)
            {
                var blockId = Convert.ToBase64String(Encoding.ASCII.GetBytes(blockIds.Count.ToString("D8", CultureInfo.InvariantCulture)));
                await PutBlockAsync(blockId, buffer.AsMemory(0, filled), cancellationToken).ConfigureAwait(false);
                blockIds.Add(blockId);
                size += filled;
                filled = await content.ReadAtLeastAsync(buffer.AsMemory(0, options.BlockSize), options.BlockSize, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                wholeMd5.AppendData(buffer, 0, filled);
            }
            var md5 = wholeMd5.GetHashAndReset();
            return await PutBlockListAsync(blockIds, md5, size, options, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task<BlobContentInfo> PutBlobAsync(ReadOnlyMemory<byte> data, BlobUploadOptions options, CancellationToken cancellationToken)
    {
        var md5 = MD5.HashData(data.Span);
        using var message = pipeline.CreateMessage(RequestMethod.Put, Uri);
        var request = message.Request;
        request.Headers.SetValue("x-ms-blob-type", "BlockBlob");
        request.Headers.SetValue("Content-MD5", Convert.ToBase64String(md5));
        request.Headers.SetValue("x-ms-blob-content-type", options.ContentType ?? "application/octet-stream");
        AddMetadata(request, options.Metadata);
        AddConditions(request, options.Conditions);
        request.Content = RequestContent.Create(data);
        var response = await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return new BlobContentInfo(ReadETag(response), ReadLastModified(response), data.Length, md5, 0);
    }

    private async Task PutBlockAsync(string blockId, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        var uri = new RequestUriBuilder();
        uri.Reset(Uri);
        uri.AppendQuery("comp", "block");
        uri.AppendQuery("blockid", blockId);
        using var message = pipeline.CreateMessage(RequestMethod.Put, uri.ToUri());
        message.Request.Headers.SetValue("Content-MD5", Convert.ToBase64String(MD5.HashData(data.Span)));
        message.Request.Content = RequestContent.Create(data);
        await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    private async Task<BlobContentInfo> PutBlockListAsync(List<string> blockIds, byte[] md5, long size, BlobUploadOptions options, CancellationToken cancellationToken)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><BlockList>");
        foreach (var id in blockIds) xml.Append("<Latest>").Append(id).Append("</Latest>");
        xml.Append("</BlockList>");
        var body = Encoding.UTF8.GetBytes(xml.ToString());

        var uri = new RequestUriBuilder();
        uri.Reset(Uri);
        uri.AppendQuery("comp", "blocklist");
        using var message = pipeline.CreateMessage(RequestMethod.Put, uri.ToUri());
        var request = message.Request;
        request.Headers.SetValue("Content-Type", "application/xml");
        request.Headers.SetValue("Content-MD5", Convert.ToBase64String(MD5.HashData(body)));
        request.Headers.SetValue("x-ms-blob-content-type", options.ContentType ?? "application/octet-stream");
        request.Headers.SetValue("x-ms-blob-content-md5", Convert.ToBase64String(md5));
        AddMetadata(request, options.Metadata);
        AddConditions(request, options.Conditions);
        request.Content = RequestContent.Create(body);
        var response = await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return new BlobContentInfo(ReadETag(response), ReadLastModified(response), size, md5, blockIds.Count);
    }

    /// <summary>Starts a streamed download (Get Blob). Throws 404 <see cref="StorageErrorCode.BlobNotFound"/> when absent.</summary>
    public async Task<BlobDownload> DownloadAsync(RequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        var message = pipeline.CreateMessage(RequestMethod.Get, Uri);
        message.BufferResponse = false;
        AddConditions(message.Request, conditions);
        try
        {
            var response = await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
            var properties = ReadProperties(response);
            var content = message.ExtractResponseContent() ?? Stream.Null;
            message.Dispose();
            return new BlobDownload(content, properties);
        }
        catch
        {
            message.Dispose();
            throw;
        }
    }

    /// <summary>Downloads a small blob whole (engine payloads, certificate documents); use <see cref="DownloadAsync"/> to stream large ones.</summary>
    public async Task<BinaryData> DownloadContentAsync(RequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        using var message = pipeline.CreateMessage(RequestMethod.Get, Uri);
        AddConditions(message.Request, conditions);
        var response = await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return response.Content;
    }

    /// <summary>Get Blob Properties. A HEAD response has no body, so the error code comes from <c>x-ms-error-code</c>.</summary>
    public async Task<BlobProperties> GetPropertiesAsync(RequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        using var message = pipeline.CreateMessage(RequestMethod.Head, Uri);
        AddConditions(message.Request, conditions);
        var response = await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return ReadProperties(response);
    }

    /// <summary>The blob's properties, or null when it does not exist.</summary>
    public async Task<BlobProperties?> GetPropertiesIfExistsAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await GetPropertiesAsync(null, cancellationToken).ConfigureAwait(false);
        }
        catch (StorageRequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Replaces the blob's metadata (Set Blob Metadata); returns the new ETag.</summary>
    public async Task<ETag> SetMetadataAsync(IReadOnlyDictionary<string, string> metadata, RequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        var uri = new RequestUriBuilder();
        uri.Reset(Uri);
        uri.AppendQuery("comp", "metadata");
        using var message = pipeline.CreateMessage(RequestMethod.Put, uri.ToUri());
        AddMetadata(message.Request, metadata);
        AddConditions(message.Request, conditions);
        var response = await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return ReadETag(response);
    }

    public async Task DeleteAsync(RequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        using var message = pipeline.CreateMessage(RequestMethod.Delete, Uri);
        AddConditions(message.Request, conditions);
        await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes the blob; false when it was already gone.</summary>
    public async Task<bool> DeleteIfExistsAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await DeleteAsync(null, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (StorageRequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }

    /// <summary>
    /// Copies <paramref name="source"/> (same account) into this blob with Copy Blob and waits until the service
    /// reports the copy finished. <paramref name="destinationConditions"/> apply to this blob
    /// (<c>IfNoneMatch = ETag.All</c>: only if it does not exist yet).
    /// </summary>
    public async Task<BlobProperties> CopyFromAsync(BlobClient source, RequestConditions? destinationConditions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        using (var message = pipeline.CreateMessage(RequestMethod.Put, Uri))
        {
            message.Request.Headers.SetValue("x-ms-copy-source", source.Uri.AbsoluteUri);
            AddConditions(message.Request, destinationConditions);
            var response = await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
            response.Headers.TryGetValue("x-ms-copy-status", out var status);
            if (status == "success") return await GetPropertiesAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var delay = TimeSpan.FromMilliseconds(50);
        while (true)
        {
            var properties = await GetPropertiesAsync(null, cancellationToken).ConfigureAwait(false);
            switch (properties.CopyStatus)
            {
                case null or "success":
                    return properties;
                case "pending":
                    await Task.Delay(delay, pipeline.Options.TimeProvider, cancellationToken).ConfigureAwait(false);
                    delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 2000));
                    break;
                default:
                    throw new StorageRequestFailedException(500, "CopyFailed", $"Copying {source.Name} to {Name} ended with status '{properties.CopyStatus}'.");
            }
        }
    }

    internal static void AddConditions(Request request, RequestConditions? conditions)
    {
        if (conditions is null) return;
        if (conditions.IfMatch is { } ifMatch) request.Headers.SetValue("If-Match", StorageUris.HeaderValue(ifMatch));
        if (conditions.IfNoneMatch is { } ifNoneMatch) request.Headers.SetValue("If-None-Match", StorageUris.HeaderValue(ifNoneMatch));
        if (conditions.IfModifiedSince is { } since) request.Headers.SetValue("If-Modified-Since", since.ToString("R", CultureInfo.InvariantCulture));
        if (conditions.IfUnmodifiedSince is { } unmodified) request.Headers.SetValue("If-Unmodified-Since", unmodified.ToString("R", CultureInfo.InvariantCulture));
    }

    private static void AddMetadata(Request request, IReadOnlyDictionary<string, string>? metadata)
    {
        if (metadata is null) return;
        foreach (var (name, value) in metadata)
        {
            if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_') || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
                throw new ArgumentException($"Metadata name '{name}' must be a C# identifier.", nameof(metadata));
            if (!value.All(char.IsAscii)) throw new ArgumentException($"Metadata '{name}' must be ASCII; escape it first.", nameof(metadata));
            request.Headers.SetValue("x-ms-meta-" + name, value);
        }
    }

    internal static ETag ReadETag(Response response) =>
        response.Headers.TryGetValue("ETag", out var etag) ? new ETag(etag!) : default;

    private static DateTimeOffset ReadLastModified(Response response) =>
        response.Headers.TryGetValue("Last-Modified", out var value) && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : default;

    private static BlobProperties ReadProperties(Response response)
    {
        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers)
        {
            if (header.Name.StartsWith("x-ms-meta-", StringComparison.OrdinalIgnoreCase)) metadata[header.Name["x-ms-meta-".Length..]] = header.Value;
        }
        response.Headers.TryGetValue("Content-Length", out var length);
        response.Headers.TryGetValue("Content-Type", out var type);
        // A ranged download's Content-MD5 is the range's; x-ms-blob-content-md5 is always the whole blob's.
        var md5 = response.Headers.TryGetValue("x-ms-blob-content-md5", out var whole) ? whole
            : response.Headers.TryGetValue("Content-MD5", out var transfer) ? transfer : null;
        response.Headers.TryGetValue("x-ms-copy-status", out var copyStatus);
        return new BlobProperties(
            long.TryParse(length, NumberStyles.Integer, CultureInfo.InvariantCulture, out var size) ? size : 0,
            type,
            string.IsNullOrEmpty(md5) ? null : Convert.FromBase64String(md5),
            ReadETag(response),
            ReadLastModified(response),
            metadata,
            copyStatus);
    }
}
