using Azure;

namespace Approvals.Azure.Blobs;

/// <summary>One entry of a container listing.</summary>
public sealed record BlobItem(string Name, long ContentLength, string? ContentType, ETag ETag, DateTimeOffset LastModified, IReadOnlyDictionary<string, string> Metadata);
