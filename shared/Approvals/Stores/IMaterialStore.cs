namespace Approvals.Stores;

/// <summary>
/// Applicants' materials (企业云盘: uploaded once, reused across items and applications). Content-addressed:
/// the id is the SHA-256 of the bytes, computed while streaming; the same content is stored once.
/// </summary>
public interface IMaterialStore
{
    /// <summary>
    /// Streams <paramref name="content"/> into the store (never buffering it whole), refusing it with
    /// <see cref="MaterialRejectedException"/> when larger than <paramref name="maxBytes"/> or not PDF/OFD/JPEG/PNG.
    /// </summary>
    Task<MaterialInfo> PutAsync(Stream content, string owner, string? fileName, long maxBytes, CancellationToken cancellationToken = default);

    /// <summary>The material's description, or null.</summary>
    Task<MaterialInfo?> GetAsync(string materialId, CancellationToken cancellationToken = default);

    /// <summary>True when <paramref name="owner"/> uploaded this content (only owners may cite a material).</summary>
    Task<bool> IsOwnedByAsync(string materialId, string owner, CancellationToken cancellationToken = default);

    /// <summary>The material's bytes as a stream, or null.</summary>
    Task<Stream?> OpenReadAsync(string materialId, CancellationToken cancellationToken = default);
}
