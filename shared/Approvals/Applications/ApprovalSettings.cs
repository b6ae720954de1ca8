namespace Approvals.Applications;

/// <summary>Settings of the approval workflow that are not reference data.</summary>
public sealed record ApprovalSettings
{
    /// <summary>The portal's public address; certificate QR codes point at {PublicBaseUrl}/api/certificates/{number}.</summary>
    public string PublicBaseUrl { get; init; } = "http://127.0.0.1:7071";

    /// <summary>The largest document the workflow writes into the material store.</summary>
    public long MaxDocumentBytes { get; init; } = 16 * 1024 * 1024;
}
