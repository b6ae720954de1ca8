using Approvals.Applications;
using Approvals.JointAcceptance;

namespace Approvals.Intake;

/// <summary>
/// What intake decided: a plan to start the orchestration with, or every problem at once. The risk and the credit
/// standing are returned either way so a refusal can say why.
/// </summary>
public sealed record IntakeDecision(
    ApplicationPlan? Plan,
    IReadOnlyDictionary<string, string[]> Errors,
    RiskAssessment? Risk,
    CreditStanding? Credit)
{
    /// <summary>The plan of a joint acceptance (竣工联合验收) submission; <see cref="Plan"/> is null then.</summary>
    public JointAcceptancePlan? JointPlan { get; init; }

    /// <summary>Why the project's state refuses a well-formed submission (a staged permit out of order): a 409.</summary>
    public string? Conflict { get; init; }

    public bool Accepted => (Plan is not null || JointPlan is not null) && Errors.Count == 0 && Conflict is null;
}
