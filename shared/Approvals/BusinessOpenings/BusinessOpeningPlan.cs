namespace Approvals.BusinessOpenings;

/// <summary>
/// The input of one business opening's orchestration, fixed at submission: the application number (<see cref="CaseId"/>),
/// the founder, the company, the licence, the chosen instant items with their post-check periods, and how the company's
/// code is laid out.
/// </summary>
public sealed record BusinessOpeningPlan
{
    public required string CaseId { get; init; }
    public required string Founder { get; init; }
    public string? FounderName { get; init; }
    public required string CompanyName { get; init; }
    public required string BusinessScope { get; init; }
    public required DateTimeOffset SubmittedAt { get; init; }
    public required LicenceSpec Licence { get; init; }
    public required UsccLayout Uscc { get; init; }
    public required IReadOnlyList<PlannedInstantItem> Items { get; init; }
}

/// <summary>One chosen instant item: its permit, route, department, post-check period and the commitment signed (empty for a filing).</summary>
public sealed record PlannedInstantItem(
    string Code,
    string Name,
    string Permit,
    string Route,
    string Department,
    string DepartmentName,
    int PostCheckWorkingDays,
    string Commitment)
{
    public string PostCheckKind => Route == InstantRoutes.Filing ? "document" : "site";
}
