namespace Approvals.LandToStart;

/// <summary>The input of a land-to-start case's orchestration: the application as checked.</summary>
public sealed record LandToStartPlan
{
    public required string CaseId { get; init; }
    public required string Uscc { get; init; }
    public string? EnterpriseName { get; init; }
    public required string ProjectCode { get; init; }
    public required string ProjectName { get; init; }
    public required string Park { get; init; }
    public bool SoldWithDesignScheme { get; init; }
    public required IReadOnlyDictionary<string, string> Conditions { get; init; }
    public required IReadOnlyDictionary<string, string> Materials { get; init; }
    public required DateTimeOffset AppliedAt { get; init; }
    public required LandBody Lead { get; init; }
    public required IReadOnlyList<PreLandStep> Steps { get; init; }
    public required IReadOnlyList<PlannedDocument> Documents { get; init; }
}

/// <summary>A document of the contract day with the fingerprint of what its simulated opinion rests on at application.</summary>
public sealed record PlannedDocument(ContractDocument Document, string Basis);

/// <summary>A plan, or every problem of the application by field (scope problems under <c>scope.*</c>).</summary>
public sealed record LandToStartPlanResult(LandToStartPlan? Plan, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool Accepted => Plan is not null;
}
