using Approvals.Applications;

namespace Approvals.Calls;

/// <summary>
/// A call's published status (the orchestration's custom status, small): <see cref="Status"/> is registered, assigned,
/// escalated (overdue, with the platform office), answered (waiting for the rating) or closed (销号); the current
/// slip's deadline and light while an answer is awaited; every slip, escalation, explanation, answer and rating.
/// </summary>
public sealed record CallStatusView : Orchestrations.TimelineView
{
    public required string CallId { get; init; }
    public required string Uscc { get; init; }
    public string? EnterpriseName { get; init; }
    public required string Title { get; init; }
    public required string Description { get; init; }
    public string? Topic { get; init; }
    public bool MajorUrgent { get; init; }
    public required string Status { get; init; }
    public required string Unit { get; init; }
    public required string UnitName { get; init; }
    public required string UnitChosenBy { get; init; }
    public int Round { get; init; } = 1;
    public DateTimeOffset? DueAt { get; init; }
    public bool Provisional { get; init; }

    /// <summary>green, yellow or red while an answer is awaited; null otherwise.</summary>
    public string? Light { get; init; }

    /// <summary>While answered: the end of the rating period, after which the call closes with its answer.</summary>
    public DateTimeOffset? RateBy { get; init; }

    public required DateTimeOffset RegisteredAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>Why it closed: rated-satisfied, or rating-period-ended.</summary>
    public string? ClosedHow { get; init; }

    public IReadOnlyList<AssignmentSlip> Slips { get; init; } = [];
    public IReadOnlyList<EscalationView> Escalations { get; init; } = [];
    public IReadOnlyList<ExplanationView> Explanations { get; init; } = [];
    public IReadOnlyList<CallAnswerView> Answers { get; init; } = [];
    public IReadOnlyList<CallRatingView> Ratings { get; init; } = [];

    /// <summary>The units of the rounds this published view leaves out (<see cref="Orchestrations.TimelineView.RoundsOmitted"/>); absent when none.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? OmittedRoundUnits { get; init; }

    /// <summary>Every unit the call went to, in any round: who besides the enterprise may read it.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IEnumerable<string> UnitsEver => Slips.Select(s => s.Unit).Concat(OmittedRoundUnits ?? []);

    /// <summary>Every round before the current one; the current round is always published whole.</summary>
    public override int OmittableRounds => Round - 1;

    /// <summary>Leaves out everything of the oldest rounds but which units they went to.</summary>
    public override Orchestrations.TimelineView WithoutOldestRounds(int rounds) => this with
    {
        Slips = Slips.Where(s => s.Round > rounds).ToList(),
        Escalations = Escalations.Where(e => e.Round > rounds).ToList(),
        Explanations = Explanations.Where(e => e.Round > rounds).ToList(),
        Answers = Answers.Where(a => a.Round > rounds).ToList(),
        Ratings = Ratings.Where(r => r.Round > rounds).ToList(),
        RoundsOmitted = rounds,
        OmittedRoundUnits = Slips.Where(s => s.Round <= rounds).Select(s => s.Unit).Distinct().ToList(),
    };
}
