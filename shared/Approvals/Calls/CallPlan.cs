namespace Approvals.Calls;

/// <summary>
/// The input of one call's orchestration, fixed at registration: who called, the problem, how the unit was chosen
/// (<see cref="UnitChosenBy"/>: enterprise, topic or default), the first assignment slip, and the numbers the
/// orchestration needs later (a reopened call's answer limit, the rating period, the bodies it escalates to).
/// </summary>
public sealed record CallPlan
{
    public required string CallId { get; init; }
    public required string Uscc { get; init; }
    public string? EnterpriseName { get; init; }
    public required string Title { get; init; }
    public required string Description { get; init; }
    public string? Topic { get; init; }
    public bool MajorUrgent { get; init; }
    public required string UnitChosenBy { get; init; }
    public required DateTimeOffset RegisteredAt { get; init; }
    public required AssignmentSlip Slip { get; init; }
    public required int RatingWorkingDays { get; init; }
    public required CallUnit PlatformOffice { get; init; }
    public required CallUnit DistrictLeaders { get; init; }
    public required CallUnit CommissionerOffice { get; init; }
}
