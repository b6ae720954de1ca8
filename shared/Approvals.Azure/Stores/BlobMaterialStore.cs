using System.Buffers;
using System.Globalization;
using Approvals.Stores;
using Azure;
using Azure.Data.Tables;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace Approvals.Azure.Stores;

/// <summary>
/// Materials in Blob storage, content-addressed: the blob is named by the SHA-256 of its bytes, computed while the
/// upload streams through (never buffered whole), its type sniffed from the first bytes and its size limited on the
/// way. Identical content is written once (If-None-Match: *); every uploader is recorded as an owner in a table row
/// (partition = material id, row = owner), and the first uploader's name, file name and time ride in the blob's metadata.
/// Large uploads stream in blocks to <c>staging/…</c> and are copied under their hash once it is known; a staging blob
/// left by a crash holds no material and can be swept by a lifecycle rule on that prefix.
/// </summary>
public sealed class BlobMaterialStore : IMaterialStore
{
    private const string StagingPrefix = "staging/";

    /// <summary>An MD5 of every request's body, checked by the service, as before the move to the SDK.</summary>
    private static readonly UploadTransferValidationOptions Md5 = new() { ChecksumAlgorithm = StorageChecksumAlgorithm.MD5 };
    private readonly BlobContainerClient container;
    private readonly TableClient owners;
    private readonly TimeProvider timeProvider;
    private readonly BlobMaterialStoreOptions options;
    private readonly CreateOnce created;

    public BlobMaterialStore(BlobContainerClient container, TableClient owners, TimeProvider timeProvider, BlobMaterialStoreOptions? options = null)
    {
        this.container = container ?? throw new ArgumentNullException(nameof(container));
        this.owners = owners ?? throw new ArgumentNullException(nameof(owners));
        this.timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        this.options = options ?? new BlobMaterialStoreOptions();
        if (this.options.BlockSize < Approvals.Stores.ContentSniffer.HeaderLength)
            throw new ArgumentOutOfRangeException(nameof(options), "BlockSize must hold at least the sniffed header.");
        created = new CreateOnce(async ct =>
        {
            await container.CreateIfNotExistsAsync(cancellationToken: ct).ConfigureAwait(false);
            await owners.CreateIfNotExistsAsync(ct).ConfigureAwait(false);
        });
    }

    public async Task<MaterialInfo> PutAsync(Stream content, string owner, string? fileName, long maxBytes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        await created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var storedAt = timeProvider.GetUtcNow();
        await using var upload = new MaterialUploadStream(content, maxBytes);
        var buffer = ArrayPool<byte>.Shared.Rent(options.BlockSize);
        try
        {
            var filled = await upload.ReadAtLeastAsync(buffer.AsMemory(0, options.BlockSize), options.BlockSize, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            if (filled < options.BlockSize)
            {
                // Whole upload in hand: its hash is known, write it once under that name.
                var small = Describe(upload, owner, fileName, storedAt);
                await WriteOnceAsync(container.GetBlobClient(upload.Hash), new MemoryStream(buffer, 0, filled, writable: false), small, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await StageAndCopyAsync(upload, buffer, filled, owner, fileName, storedAt, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        await AddOwnerAsync(upload.Hash, owner, fileName, storedAt, cancellationToken).ConfigureAwait(false);
        return new MaterialInfo(upload.Hash, upload.Size, upload.ContentType!, owner, fileName, storedAt);
    }

    private async Task StageAndCopyAsync(MaterialUploadStream upload, byte[] buffer, int filled, string owner, string? fileName, DateTimeOffset storedAt, CancellationToken cancellationToken)
    {
        var stagingName = StagingPrefix + Guid.NewGuid().ToString("N");
        var staging = container.GetBlobClient(stagingName);
        try
        {
            // The header lies in the first block, so the type is known before anything is sent. Blocks are put one at a
            // time from the one buffer (the SDK's own chunked upload allocates a fresh buffer per block, which lets the
            // working set grow far past one block before the GC returns them), and committed only once the whole
            // upload was accepted: a refused upload leaves uncommitted blocks, which the service discards.
            var blocks = container.GetBlockBlobClient(stagingName);
            var ids = new List<string>();
            while (filled > 0)
            {
                var id = Convert.ToBase64String(BitConverter.GetBytes((long)ids.Count));
                await blocks.StageBlockAsync(id, new MemoryStream(buffer, 0, filled, writable: false), new BlockBlobStageBlockOptions
                {
                    TransferValidation = Md5,
                }, cancellationToken).ConfigureAwait(false);
                ids.Add(id);
                filled = await upload.ReadAtLeastAsync(buffer.AsMemory(0, options.BlockSize), options.BlockSize, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            }
            var described = Describe(upload, owner, fileName, storedAt);
            await blocks.CommitBlockListAsync(ids, new CommitBlockListOptions
            {
                HttpHeaders = described.HttpHeaders,
                Metadata = described.Metadata,
            }, cancellationToken).ConfigureAwait(false);

            var final = container.GetBlobClient(upload.Hash);
            if (await PropertiesIfExistAsync(final, cancellationToken).ConfigureAwait(false) is null)
            {
                try
                {
                    // Same-account copy: Azurite completes it at once, Azure may report it pending, so wait for it.
                    var copy = await final.StartCopyFromUriAsync(staging.Uri, new BlobCopyFromUriOptions
                    {
                        DestinationConditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                    }, cancellationToken).ConfigureAwait(false);
                    await copy.WaitForCompletionAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (RequestFailedException e) when (e.Status == 409)
                {
                    // Someone stored the same content meanwhile: it is there, which is all that matters.
                }
            }
        }
        finally
        {
            // Runs on rejection too: a rejected upload committed nothing, so this usually finds nothing. Best effort:
            // a failure here must not hide the upload's own outcome, and a left-over staging blob holds no material.
            try
            {
                await staging.DeleteIfExistsAsync(cancellationToken: CancellationToken.None).ConfigureAwait(false);
            }
            catch (RequestFailedException)
            {
            }
        }
    }

    private static async Task WriteOnceAsync(BlobClient blob, Stream content, BlobUploadOptions upload, CancellationToken cancellationToken)
    {
        try
        {
            await blob.UploadAsync(content, upload, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 409 && e.ErrorCode == BlobErrorCode.BlobAlreadyExists)
        {
            // Same content already stored: content addressing makes the second write unnecessary.
        }
    }

    private BlobUploadOptions Describe(MaterialUploadStream upload, string owner, string? fileName, DateTimeOffset storedAt)
    {
        var metadata = new Dictionary<string, string>
        {
            ["owner"] = Uri.EscapeDataString(owner),
            ["storedat"] = storedAt.UtcTicks.ToString(CultureInfo.InvariantCulture),
        };
        if (fileName is not null) metadata["filename"] = Uri.EscapeDataString(fileName);
        return new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = upload.ContentType },
            Metadata = metadata,
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            // Only uploads within one block come here (larger ones are staged block by block): one Put Blob.
            TransferOptions = new StorageTransferOptions { InitialTransferSize = options.BlockSize, MaximumTransferSize = options.BlockSize, MaximumConcurrency = 1 },
            TransferValidation = Md5,
        };
    }

    private async Task AddOwnerAsync(string materialId, string owner, string? fileName, DateTimeOffset storedAt, CancellationToken cancellationToken)
    {
        var row = new TableEntity(materialId, TableKeyEncoding.Encode(owner.ToUpperInvariant()))
        {
            { "Owner", owner },
            { "StoredAt", storedAt },
        };
        if (fileName is not null) row["FileName"] = fileName;
        try
        {
            await owners.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Already an owner: the first record stays.
        }
    }

    public async Task<MaterialInfo?> GetAsync(string materialId, CancellationToken cancellationToken = default)
    {
        if (!IsSha256(materialId)) return null;
        await created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var properties = await PropertiesIfExistAsync(container.GetBlobClient(materialId), cancellationToken).ConfigureAwait(false);
        if (properties is null) return null;
        var metadata = properties.Metadata;
        return new MaterialInfo(
            materialId,
            properties.ContentLength,
            properties.ContentType ?? "application/octet-stream",
            metadata.TryGetValue("owner", out var who) ? Uri.UnescapeDataString(who) : "",
            metadata.TryGetValue("filename", out var name) ? Uri.UnescapeDataString(name) : null,
            metadata.TryGetValue("storedat", out var ticks) && long.TryParse(ticks, NumberStyles.Integer, CultureInfo.InvariantCulture, out var t)
                ? new DateTimeOffset(t, TimeSpan.Zero)
                : properties.LastModified);
    }

    public async Task<bool> IsOwnedByAsync(string materialId, string owner, CancellationToken cancellationToken = default)
    {
        if (!IsSha256(materialId) || string.IsNullOrWhiteSpace(owner)) return false;
        await created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var row = await owners.GetEntityIfExistsAsync<TableEntity>(materialId, TableKeyEncoding.Encode(owner.ToUpperInvariant()), ["Owner"], cancellationToken).ConfigureAwait(false);
        return row.HasValue;
    }

    /// <summary>
    /// The material's bytes as the service streams them; the SDK's download stream resumes from where it broke if the
    /// connection drops mid-way.
    /// </summary>
    public async Task<Stream?> OpenReadAsync(string materialId, CancellationToken cancellationToken = default)
    {
        if (!IsSha256(materialId)) return null;
        await created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var download = await container.GetBlobClient(materialId).DownloadStreamingAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return download.Value.Content;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    private static async Task<BlobProperties?> PropertiesIfExistAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            return (await blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    private static bool IsSha256(string id) => id.Length == 64 && id.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
}
