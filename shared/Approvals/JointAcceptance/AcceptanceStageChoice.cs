namespace Approvals.JointAcceptance;

/// <summary>
/// The stages an applicant applies for (分期联合验收): the early stage (先期), the late stage (后期), or both combined
/// into one acceptance (合并联合验收). Separate early and late applications may run in parallel.
/// </summary>
public enum AcceptanceStageChoice
{
    Early,
    Late,
    Combined,
}
