namespace Approvals.Stores;

/// <summary>An electronic certificate (电子证照): what the public verification page shows, and its status.</summary>
public sealed record CertificateRecord
{
    public required string Number { get; init; }
    public required string Item { get; init; }
    public required string ItemName { get; init; }
    public required string HolderUscc { get; init; }
    public required string HolderName { get; init; }
    public required string ProjectCode { get; init; }
    public required string ProjectName { get; init; }
    public required string ApplicationId { get; init; }
    public required DateTimeOffset IssuedAt { get; init; }
    public string Status { get; init; } = "valid";
    public DateTimeOffset? RevokedAt { get; init; }
    public string? RevocationReason { get; init; }
    public required string VerifyUrl { get; init; }
}
