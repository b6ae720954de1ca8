using Azure;

namespace Approvals.Azure.Blobs;

/// <summary>
/// How to upload: content type, metadata, conditions (<c>IfNoneMatch = ETag.All</c> for write-once,
/// <c>IfMatch</c> for optimistic replace) and the block size. Content up to <see cref="BlockSize"/> goes in one
/// Put Blob; larger content is streamed as Put Block calls of that size and committed with Put Block List, so memory
/// stays at one block whatever the blob's size.
/// </summary>
public sealed record BlobUploadOptions
{
    public const int DefaultBlockSize = 4 * 1024 * 1024;

    /// <summary>Maximum block size the service accepts (4000 MiB), far above what this client buffers.</summary>
    public const int MaxBlockSize = 256 * 1024 * 1024;

    public string? ContentType { get; init; }

    /// <summary>Metadata names must be valid C# identifiers; values must be ASCII (escape anything else).</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    public RequestConditions? Conditions { get; init; }

    /// <summary>The size of each block and the largest content sent in a single Put Blob.</summary>
    public int BlockSize { get; init; } = DefaultBlockSize;
}
