namespace Approvals.JointAcceptance;

/// <summary>
/// A commitment (承诺) the project made in an earlier approval, with its state there (open, supplied, fulfilled,
/// broken, false). Joint acceptance closes the loop (闭环): every one must be verified before acceptance passes.
/// </summary>
public sealed record EarlierCommitment(string ApplicationId, string CommitmentId, string MaterialCode, IReadOnlyList<string> Items, string Status, DateTimeOffset? DueAt)
{
    /// <summary>Not verified yet: blocks the acceptance until it is.</summary>
    public bool IsOpen => Status is "open" or "supplied";

    /// <summary>Broken or found false: fails the acceptance.</summary>
    public bool IsBroken => Status is "broken" or "false";
}
