namespace Approvals.JointAcceptance;

/// <summary>The planner's answer: a plan, or every reason the request cannot be accepted as it is.</summary>
public sealed record JointAcceptancePlanResult(JointAcceptancePlan? Plan, IReadOnlyList<string> Problems)
{
    public bool Accepted => Plan is not null;

    public static JointAcceptancePlanResult Rejected(IReadOnlyList<string> problems) => new(null, problems);
}
