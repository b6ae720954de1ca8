using Azure;

namespace Approvals.Azure.Blobs;

/// <summary>What Get Blob Properties (and a download's headers) say about a blob.</summary>
public sealed record BlobProperties(
    long ContentLength,
    string? ContentType,
    byte[]? ContentMd5,
    ETag ETag,
    DateTimeOffset LastModified,
    IReadOnlyDictionary<string, string> Metadata,
    string? CopyStatus);
