using Approvals.Applications;

namespace Approvals.Utilities;

/// <summary>
/// A utilities joint application's published status (the orchestration's custom status). <see cref="Status"/> is
/// forwarded (with the utilities), complete (every utility accepted the application in full), connecting (after the
/// connection request) or connected (every utility connected).
/// </summary>
public sealed record UtilityStatusView : Orchestrations.TimelineView
{
    public required string CaseId { get; init; }
    public required string Uscc { get; init; }
    public required string ProjectCode { get; init; }
    public required string ProjectName { get; init; }
    public required UtilityBody Window { get; init; }
    public DateOnly? PlannedStartOn { get; init; }
    public required string Status { get; init; }
    public required DateTimeOffset SubmittedAt { get; init; }

    /// <summary>When the last utility accepted the application in full (the joint application done).</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>SD 20: whether the joint application was done before the planned construction start; null until known.</summary>
    public bool? DoneBeforeStart { get; init; }

    public DateTimeOffset? ConnectionRequestedAt { get; init; }
    public string? AcceptanceCertificate { get; init; }
    public DateTimeOffset? ConnectedAt { get; init; }

    /// <summary>The joint site survey (联合踏勘) led by the direct train: who attended, from every utility's survey answer.</summary>
    public required UtilityBody JointSurveyLead { get; init; }

    public IReadOnlyList<string> SurveyAttendees { get; init; } = [];

    public required IReadOnlyList<UtilityTrackView> Tracks { get; init; }
}

/// <summary>
/// One utility's track: the step it is at (forwarded → surveyed → complete → [connection requested] → connected), the
/// current step's deadline and light, the dates of each step and whether it was late, and the fee against its standard.
/// </summary>
public sealed record UtilityTrackView
{
    public required string Utility { get; init; }
    public required string Name { get; init; }
    public string? NameEn { get; init; }
    public required IReadOnlyList<UtilityMatter> Matters { get; init; }
    public required decimal Quantity { get; init; }
    public required string QuantityUnit { get; init; }
    public required string Step { get; init; }
    public DateTimeOffset ForwardedAt { get; init; }

    /// <summary>What the utility must do next (surveyed, complete, connected), or null while nothing is awaited from it.</summary>
    public string? Awaiting { get; init; }

    public DateTimeOffset? DueAt { get; init; }
    public bool Provisional { get; init; }
    public string? Light { get; init; }
    public DateTimeOffset? SurveyedAt { get; init; }
    public DateTimeOffset? CompleteAt { get; init; }
    public DateTimeOffset? ConnectedAt { get; init; }
    public required decimal FeeStandard { get; init; }
    public decimal? Fee { get; init; }
    public IReadOnlyList<string> LateSteps { get; init; } = [];
    public IReadOnlyList<string> Escalations { get; init; } = [];
}
