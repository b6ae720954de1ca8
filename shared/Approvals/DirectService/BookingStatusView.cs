using Approvals.Applications;

namespace Approvals.DirectService;

/// <summary>
/// A direct-train booking's published status. <see cref="Status"/> is booked (waiting for first contact, lit against its
/// limit), contacted (team assigned), on-site (visited at least once) or closed (every item settled and every plan node
/// ticked off).
/// </summary>
public sealed record BookingStatusView : Orchestrations.TimelineView
{
    public required string BookingId { get; init; }
    public required string Uscc { get; init; }
    public string? EnterpriseName { get; init; }
    public required string ProjectCode { get; init; }
    public required string ProjectName { get; init; }
    public required DirectServiceBody KeyLevel { get; init; }
    public required DirectServiceBody Channel { get; init; }
    public required string BookedBy { get; init; }
    public bool HoldsLand { get; init; }
    public bool Urgent { get; init; }
    public required string Status { get; init; }
    public required DateTimeOffset BookedAt { get; init; }
    public required DateTimeOffset ContactDueAt { get; init; }
    public bool ContactDueProvisional { get; init; }

    /// <summary>green, yellow or red while first contact is awaited; null after it.</summary>
    public string? ContactLight { get; init; }

    public DateTimeOffset? ContactedAt { get; init; }
    public bool ContactLate { get; init; }
    public string? ContactedBy { get; init; }
    public ServiceTeam? Team { get; init; }
    public required IReadOnlyList<BookedItemView> Items { get; init; }
    public IReadOnlyList<VisitView> Visits { get; init; } = [];
    public IReadOnlyList<PlanNodeView> Plan { get; init; } = [];
    public IReadOnlyList<string> Escalations { get; init; } = [];
}

/// <summary>
/// One item of the booking: booked → accepted (on site) → approved-on-site (certificate printed, with its authority) |
/// to-hall | gap-accepted (key documents to supply by <see cref="SupplyDueAt"/>) → opinion-issued | revoked (never supplied).
/// </summary>
public sealed record BookedItemView
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required string NameEn { get; init; }
    public required string Department { get; init; }
    public bool OnSiteAcceptance { get; init; }
    public bool OnSiteApproval { get; init; }
    public required string State { get; init; }
    public DateTimeOffset? AcceptedAt { get; init; }
    public DateTimeOffset? DecidedAt { get; init; }
    public OnSiteAuthority? Authority { get; init; }
    public string? Certificate { get; init; }
    public string? ToHallReason { get; init; }
    public IReadOnlyList<string> MissingKeyDocuments { get; init; } = [];
    public DateTimeOffset? SupplyDueAt { get; init; }
    public DateTimeOffset? SuppliedAt { get; init; }

    public bool Settled => State is "approved-on-site" or "to-hall" or "opinion-issued" or "revoked";
}

/// <summary>A visit as recorded, for the timeline of decisions on site.</summary>
public sealed record VisitView(int Number, DateTimeOffset At, string RecordedBy, IReadOnlyList<string> Accepted, IReadOnlyList<string> Approved,
    IReadOnlyList<string> ToHall, IReadOnlyList<string> GapAccepted, IReadOnlyList<string> Ticked, string? Note);

/// <summary>A plan node: planned date, and the day it was ticked off (late when after the planned date).</summary>
public sealed record PlanNodeView(string Key, string Name, DateOnly PlannedOn, DateOnly? TickedOn, bool Late);
