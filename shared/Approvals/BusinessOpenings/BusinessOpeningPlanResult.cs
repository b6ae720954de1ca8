namespace Approvals.BusinessOpenings;

/// <summary>A planned business opening, or every problem of the request by field (400 problem+json).</summary>
public sealed record BusinessOpeningPlanResult(BusinessOpeningPlan? Plan, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool Accepted => Plan is not null;
}
