using Approvals.Intake;

namespace Approvals.Applications;

/// <summary>
/// The bounds on a department decision's fields (issue 14, defect 13): plain, length-limited text, and a decision time
/// neither before the application was accepted nor far in the future. Every problem at once.
/// </summary>
internal static class DecisionBounds
{
    public const int MaxMessageIdLength = 200;
    public const int MaxOpinionLength = 4000;
    public const int MaxReviewerLength = 100;

    /// <summary>Clocks of department systems drift, and a virtual clock may lag; a week ahead is already implausible.</summary>
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromDays(7);

    public static IReadOnlyList<string> Problems(DepartmentDecision decision, DateTimeOffset acceptedAt, DateTimeOffset now)
    {
        var problems = new List<string>();
        if (TextRules.Problem(decision.MessageId, MaxMessageIdLength) is { } id) problems.Add($"messageId: {id}");
        if (TextRules.Problem(decision.Opinion, MaxOpinionLength, multiline: true) is { } opinion) problems.Add($"opinion: {opinion}");
        if (TextRules.Problem(decision.Reviewer, MaxReviewerLength) is { } reviewer) problems.Add($"reviewer: {reviewer}");
        if (decision.DecidedAt > now + FutureTolerance || decision.DecidedAt < acceptedAt - TimeSpan.FromDays(1))
        {
            problems.Add($"decidedAt: 决定时间须在受理之后、不晚于当前时间 {FutureTolerance.TotalDays:0} 天 / decidedAt must lie after the application was accepted " +
                $"and at most {FutureTolerance.TotalDays:0} days ahead (got {decision.DecidedAt:O})");
        }
        return problems;
    }
}
