namespace Approvals.Calls;

/// <summary>A planned call, or every problem of the request by field (400 problem+json).</summary>
public sealed record CallPlanResult(CallPlan? Plan, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool Accepted => Plan is not null;
}
