using Approvals.Activities;

namespace Approvals.DirectService;

/// <summary>The input of a booking's orchestration: the booking as checked, with its first-contact deadline.</summary>
public sealed record BookingPlan
{
    public required string BookingId { get; init; }
    public required string Uscc { get; init; }
    public string? EnterpriseName { get; init; }
    public required string ProjectCode { get; init; }
    public required string ProjectName { get; init; }
    public required DirectServiceBody KeyLevel { get; init; }
    public required DirectServiceBody Channel { get; init; }
    public required string BookedBy { get; init; }
    public required IReadOnlyList<BookedItem> Items { get; init; }
    public required string ContactName { get; init; }
    public required string ContactPhone { get; init; }
    public bool HoldsLand { get; init; }
    public bool Urgent { get; init; }
    public IReadOnlyList<PlanNode> PlanNodes { get; init; } = [];
    public required DateTimeOffset BookedAt { get; init; }
    public required Deadline FirstContact { get; init; }
    public required int FirstContactWorkingDays { get; init; }
    public required DirectServiceBody Centre { get; init; }
    public required int SupplyWorkingDays { get; init; }
}

/// <summary>An item the booking wants served, with whether it may be accepted or approved on site.</summary>
public sealed record BookedItem(string Code, string Name, string NameEn, string Department, bool OnSiteAcceptance, bool OnSiteApproval);

/// <summary>A node of the monthly service plan with its planned date.</summary>
public sealed record PlanNode(string Key, string Name, DateOnly PlannedOn);

/// <summary>A plan, or every problem of the booking by field.</summary>
public sealed record BookingPlanResult(BookingPlan? Plan, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool Accepted => Plan is not null;
}
