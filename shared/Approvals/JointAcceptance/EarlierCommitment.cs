namespace Approvals.JointAcceptance;

/// <summary>
/// A commitment (承诺) the project made in an earlier approval, with its state there (open, supplied, fulfilled,
/// broken, false). Joint acceptance closes the loop (闭环): every one must be verified before acceptance passes.
/// </summary>
public sealed record EarlierCommitment(string ApplicationId, string CommitmentId, string MaterialCode, IReadOnlyList<string> Items, string Status, DateTimeOffset? DueAt, string Class = "supplement")
{
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
