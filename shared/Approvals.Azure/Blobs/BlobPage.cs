namespace Approvals.Azure.Blobs;

/// <summary>One page of List Blobs; pass <see cref="ContinuationToken"/> (the service's NextMarker) to get the next, null at the end.</summary>
public sealed record BlobPage(IReadOnlyList<BlobItem> Items, string? ContinuationToken);
