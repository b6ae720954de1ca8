namespace Approvals.DirectService;

/// <summary>
/// A booking of the direct train (审批服务直通车预约): the key project, the items it wants served on site, the channel it
/// came by, whether the project holds its land and is urgent (the gate of extreme gap acceptance), the contact, and the
/// monthly service plan's nodes with their planned dates (审批服务月度计划).
/// </summary>
public sealed record BookingRequest
{
    public BookingProject? Project { get; init; }
    public IReadOnlyList<string>? Items { get; init; }
    public string? Channel { get; init; }
    public BookingContact? Contact { get; init; }
    public bool HoldsLand { get; init; }
    public bool Urgent { get; init; }
    public IReadOnlyList<PlanNodeRequest>? Plan { get; init; }

    /// <summary>For a phone or hall record taken by the centre: the enterprise booked for.</summary>
    public string? Uscc { get; init; }
    public string? EnterpriseName { get; init; }
}

public sealed record BookingProject(string? Code, string? Name, string? KeyLevel);

public sealed record BookingContact(string? Name, string? Phone);

public sealed record PlanNodeRequest(string? Key, string? Name, DateOnly? PlannedOn);
