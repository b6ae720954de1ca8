namespace Approvals.JointAcceptance;

/// <summary>
/// A commitment (承诺) the project made in an earlier approval, with its state there (open, supplied, fulfilled,
/// broken, false, not-sampled) and the certificates that rest on it. Joint acceptance closes the loop (闭环): every one must be verified before acceptance passes.
/// </summary>
public sealed record EarlierCommitment(string ApplicationId, string CommitmentId, string MaterialCode, IReadOnlyList<string> Items, string Status, DateTimeOffset? DueAt,
    string Class = "supplement", string? VerifyingDepartment = null, IReadOnlyList<string>? Certificates = null)
{
    /// <summary>The certificates of the earlier approval that rest on this commitment (its items'), revoked if it fails.</summary>
    public IReadOnlyList<string> DependentCertificates => Certificates ?? [];

    /// <summary>
    /// Never checked in its window (not sampled, no finding): its department verifies it in full at joint acceptance
    /// (Jinan 2021 (三): 联合验收阶段……全面核验).
    /// </summary>
    public bool NeedsFullVerification => Status is "not-sampled";

    /// <summary>Not verified yet: blocks the acceptance until it is.</summary>
    public bool IsOpen => Status is "open" or "supplied";

    /// <summary>
    /// Waiting on the applicant: a supplement (补齐材料) not yet supplied. A supplied one, or a retained or on-site one
    /// the department has still to check, waits on the department.
    /// </summary>
    public bool AwaitsApplicant => Status is "open" && Class is "supplement";

    /// <summary>Broken or found false: fails the acceptance.</summary>
    public bool IsBroken => Status is "broken" or "false";
}
