namespace Approvals.Stewardship;

/// <summary>
/// A project's personalised service plan (一企一策 / 个性化审批计划) as the steward writes it: whose project, the steward,
/// the lead department (optional, the policy's by default) and the nodes with their owners and planned dates.
/// </summary>
public sealed record PlanRequest
{
    public string? Uscc { get; init; }
    public string? ProjectName { get; init; }
    public StewardRequest? Steward { get; init; }
    public string? LeadDepartment { get; init; }
    public IReadOnlyList<NodeRequest>? Nodes { get; init; }
}

public sealed record StewardRequest(string? Name, string? Phone);

public sealed record NodeRequest(string? Key, string? Name, string? Kind, string? Owner, DateOnly? PlannedOn);
