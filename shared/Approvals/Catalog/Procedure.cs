namespace Approvals.Catalog;

/// <summary>
/// The procedure an item belongs to: construction-stage approval by notify-and-commit (告知承诺制审批) or
/// joint completion acceptance (竣工联合验收).
/// </summary>
public enum Procedure
{
    CommitmentApproval,
    JointAcceptance,
}
