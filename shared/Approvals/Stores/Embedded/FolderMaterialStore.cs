using System.Security.Cryptography;
using System.Text.Json;

namespace Approvals.Stores.Embedded;

/// <summary>
/// Materials in a local folder (the embedded default): <c>{root}/{first two hex}/{sha256}</c> plus a small JSON
/// description with its owners. Uploads stream through a temporary file while hashing; identical content is kept once.
/// Files are read and written synchronously: on a local disk each call is short, and async file calls on Linux are
/// only the same calls moved to the thread pool (measured: a third of the folder store's CPU under submission load).
/// </summary>
public sealed class FolderMaterialStore(string root, TimeProvider timeProvider) : IMaterialStore
{
    private static readonly SemaphoreSlim DescriptionGate = new(1, 1);

    public async Task<MaterialInfo> PutAsync(Stream content, string owner, string? fileName, long maxBytes, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(root);
        var temp = Path.Combine(root, $"upload-{Guid.NewGuid():N}.tmp");
        try
        {
            var (hash, size, contentType) = await CopyHashedAsync(content, temp, maxBytes, cancellationToken);
            var final = ContentPath(hash);
            Directory.CreateDirectory(Path.GetDirectoryName(final)!);
            if (!File.Exists(final)) File.Move(temp, final, overwrite: true);
            var info = new MaterialInfo(hash, size, contentType, owner, fileName, timeProvider.GetUtcNow());
            await AddOwnerAsync(info, cancellationToken);
            return info;
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public Task<MaterialInfo?> GetAsync(string materialId, CancellationToken cancellationToken = default)
    {
        var description = ReadDescription(materialId);
        return Task.FromResult(description?.Owners.FirstOrDefault() is { } first ? description.ToInfo(materialId, first) : null);
    }

    public Task<bool> IsOwnedByAsync(string materialId, string owner, CancellationToken cancellationToken = default) =>
        Task.FromResult(ReadDescription(materialId)?.Owners.Contains(owner, StringComparer.OrdinalIgnoreCase) == true);

    public Task<Stream?> OpenReadAsync(string materialId, CancellationToken cancellationToken = default)
    {
        if (!IsSha256(materialId) || !File.Exists(ContentPath(materialId))) return Task.FromResult<Stream?>(null);
        return Task.FromResult<Stream?>(new FileStream(ContentPath(materialId), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true));
    }

    /// <summary>Streams into <paramref name="path"/>, hashing and sniffing on the way, stopping at the size limit.</summary>
    internal static async Task<(string Hash, long Size, string ContentType)> CopyHashedAsync(Stream content, string path, long maxBytes, CancellationToken cancellationToken)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        var header = new byte[ContentSniffer.HeaderLength];
        var headerLength = 0;
        long size = 0;
        using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0))
        {
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                size += read;
                if (size > maxBytes) throw new MaterialRejectedException(MaterialRejection.TooLarge, $"The material is larger than the limit of {maxBytes} bytes.");
                if (headerLength < header.Length)
                {
                    var take = Math.Min(read, header.Length - headerLength);
                    Array.Copy(buffer, 0, header, headerLength, take);
                    headerLength += take;
                }
                sha.AppendData(buffer, 0, read);
                file.Write(buffer, 0, read);
            }
        }
        if (size == 0) throw new MaterialRejectedException(MaterialRejection.Empty, "The material is empty.");
        var type = ContentSniffer.Sniff(header.AsSpan(0, headerLength))
            ?? throw new MaterialRejectedException(MaterialRejection.UnsupportedType,
                $"Only PDF, OFD, JPEG and PNG materials are accepted; this is {ContentSniffer.Describe(header.AsSpan(0, headerLength))}.");
        return (Convert.ToHexStringLower(sha.GetHashAndReset()), size, type);
    }

    private async Task AddOwnerAsync(MaterialInfo info, CancellationToken cancellationToken)
    {
        await DescriptionGate.WaitAsync(cancellationToken);
        try
        {
            var existing = ReadDescription(info.MaterialId);
            var owners = existing?.Owners ?? [];
            if (owners.Contains(info.Owner, StringComparer.OrdinalIgnoreCase)) return;
            var description = new Description(info.Size, info.ContentType, info.FileName, existing?.StoredAt ?? info.StoredAt, [.. owners, info.Owner]);
            var path = ContentPath(info.MaterialId) + ".json";
            File.WriteAllBytes(path + ".tmp", JsonSerializer.SerializeToUtf8Bytes(description));
            File.Move(path + ".tmp", path, overwrite: true);
        }
        finally
        {
            DescriptionGate.Release();
        }
    }

    private Description? ReadDescription(string materialId)
    {
        if (!IsSha256(materialId)) return null;
        try
        {
            return JsonSerializer.Deserialize<Description>(File.ReadAllBytes(ContentPath(materialId) + ".json"));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    private string ContentPath(string hash) => Path.Combine(root, hash[..2], hash);

    private static bool IsSha256(string id) => id.Length == 64 && id.All(Uri.IsHexDigit) && id == id.ToLowerInvariant();

    private sealed record Description(long Size, string ContentType, string? FileName, DateTimeOffset StoredAt, string[] Owners)
    {
        public MaterialInfo ToInfo(string id, string owner) => new(id, Size, ContentType, owner, FileName, StoredAt);
    }
}
