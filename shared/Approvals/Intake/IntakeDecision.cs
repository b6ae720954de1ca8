using Approvals.Applications;

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
    public bool Accepted => Plan is not null && Errors.Count == 0;
}
