namespace Approvals.Stewardship;

/// <summary>A plan as checked: the input of the project's steward orchestration, and of every replan.</summary>
public sealed record StewardPlan
{
    public required string ProjectCode { get; init; }
    public required string Uscc { get; init; }
    public required string ProjectName { get; init; }
    public required string Steward { get; init; }
    public string? StewardPhone { get; init; }
    public required StewardBody LeadDepartment { get; init; }
    public required int LeadWarningWorkingDays { get; init; }
    public required IReadOnlyList<PlannedNode> Nodes { get; init; }
    public required DateTimeOffset PlannedAt { get; init; }
}

/// <summary>A node of the plan: what, of which kind, whose (a department, unit or intermediary code), by when.</summary>
public sealed record PlannedNode(string Key, string Name, string Kind, string Owner, DateOnly PlannedOn);

/// <summary>A plan, or every problem of the request by field.</summary>
public sealed record StewardPlanResult(StewardPlan? Plan, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool Accepted => Plan is not null;
}
