using Azure;

namespace Approvals.Azure.Blobs;

/// <summary>The result of an upload: the new ETag, the size written and the MD5 the service now stores for the blob.</summary>
public sealed record BlobContentInfo(ETag ETag, DateTimeOffset LastModified, long Size, byte[] ContentMd5, int BlockCount);
