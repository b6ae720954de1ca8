namespace Approvals.Stores;

/// <summary>A stored material (材料): content-addressed by SHA-256, with its sniffed type and its owner (an applicant's USCC).</summary>
public sealed record MaterialInfo(string MaterialId, long Size, string ContentType, string Owner, string? FileName, DateTimeOffset StoredAt);
