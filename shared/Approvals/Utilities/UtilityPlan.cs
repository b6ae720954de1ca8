namespace Approvals.Utilities;

/// <summary>The input of a utilities joint application's orchestration: the form as checked, one track per utility.</summary>
public sealed record UtilityPlan
{
    public required string CaseId { get; init; }
    public required string Uscc { get; init; }
    public required string ProjectCode { get; init; }
    public required string ProjectName { get; init; }
    public required UtilityBody Window { get; init; }
    public DateOnly? PlannedStartOn { get; init; }
    public required DateTimeOffset SubmittedAt { get; init; }
    public required UtilityBody Lead { get; init; }
    public required UtilityBody JointSurvey { get; init; }
    public required IReadOnlyList<UtilityTrackPlan> Tracks { get; init; }
}

/// <summary>One utility's part: its matters, the quantity asked for, the published fee standard and limits.</summary>
public sealed record UtilityTrackPlan(
    string Utility,
    string Name,
    string? NameEn,
    IReadOnlyList<UtilityMatter> Matters,
    decimal Quantity,
    string QuantityUnit,
    decimal FeeStandard,
    int SurveyWorkingDays,
    int CompleteWorkingDays,
    int ConnectWorkingDays);

/// <summary>A plan, or every problem of the form by field.</summary>
public sealed record UtilityPlanResult(UtilityPlan? Plan, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool Accepted => Plan is not null;
}
