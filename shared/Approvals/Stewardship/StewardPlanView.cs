using Approvals.Applications;

namespace Approvals.Stewardship;

/// <summary>
/// A project's steward plan as published (the orchestration's custom status): the steward, the lead department, every
/// node with its planned, first planned and done dates, its warnings, cause and action, and the applicant's ratings.
/// <see cref="Status"/> is active, or all-done when every node is done (a replan may add nodes again).
/// </summary>
public sealed record StewardPlanView : Orchestrations.TimelineView
{
    public required string ProjectCode { get; init; }
    public required string Uscc { get; init; }
    public required string ProjectName { get; init; }
    public required string Steward { get; init; }
    public string? StewardPhone { get; init; }
    public required StewardBody LeadDepartment { get; init; }
    public required string Status { get; init; }
    public required DateTimeOffset PlannedAt { get; init; }
    public int Revision { get; init; } = 1;
    public required IReadOnlyList<PlanNodeStatus> Nodes { get; init; }
    public IReadOnlyList<StewardRating> Ratings { get; init; } = [];
}

/// <summary>
/// A node: planned → done | warned (late: the steward and the owner told) → cause-recorded → done. A replan keeps
/// <see cref="FirstPlannedOn"/> and the warnings already sent.
/// </summary>
public sealed record PlanNodeStatus
{
    public required string Key { get; init; }
    public required string Name { get; init; }
    public required string Kind { get; init; }
    public required string Owner { get; init; }
    public required DateOnly PlannedOn { get; init; }
    public required DateOnly FirstPlannedOn { get; init; }
    public required string State { get; init; }
    public DateOnly? DoneOn { get; init; }
    public bool Late { get; init; }
    public DateTimeOffset? LeadWarningAt { get; init; }
    public IReadOnlyList<NodeWarning> Warnings { get; init; } = [];
    public string? Cause { get; init; }
    public string? Action { get; init; }

    public bool IsDone => State == "done";
}

/// <summary>One warning (预警): its level (owner, then lead-department), who was told, when, and how many days late the node was.</summary>
public sealed record NodeWarning(string Level, IReadOnlyList<string> To, DateTimeOffset At, int DaysLate);
