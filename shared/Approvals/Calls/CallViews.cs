namespace Approvals.Calls;

/// <summary>A call went to a body beyond its unit: the platform office (overdue) or the district leaders (major urgent).</summary>
public sealed record EscalationView(DateTimeOffset At, string To, string ToName, string Reason, int Round);

/// <summary>An explanation shown to the enterprise (解释说明), e.g. why its call could not be settled in time.</summary>
public sealed record ExplanationView(DateTimeOffset At, string Text, int Round);

/// <summary>The unit's answer (件件有回音): solved, or explained; <see cref="Late"/> when given after the slip's deadline.</summary>
public sealed record CallAnswerView(int Round, string Unit, string Outcome, string Text, string? AnsweredBy, DateTimeOffset AnsweredAt, bool Late);

/// <summary>The enterprise's rating of one answer: satisfied closes the call (销号), unsatisfied reopens it.</summary>
public sealed record CallRatingView(int Round, string Rating, string? Comment, DateTimeOffset At);
