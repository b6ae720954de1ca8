namespace Approvals.Stewardship;

/// <summary>
/// External events of a project's steward orchestration. Each keeps one name: the engine delivers events of one name in
/// the order they were raised, so replans, ticks, causes and ratings count in order.
/// </summary>
public static class StewardSignals
{
    public const string Replan = "plan-replan";
    public const string Done = "plan-node-done";
    public const string Cause = "plan-node-cause";
    public const string Rating = "plan-rating";
}

/// <summary>A node done, on the day it was done, by whom.</summary>
public sealed record NodeDone(string Key, DateOnly DoneOn, string By, DateTimeOffset At);

/// <summary>The steward's analysis of a late node: its cause and the action pushed (原因分析、推动解决).</summary>
public sealed record NodeCause(string Key, string Cause, string Action, DateTimeOffset At);

/// <summary>The applicant rates the steward's help (SD 25), 1 to 5.</summary>
public sealed record StewardRating(int Score, string? Comment, DateTimeOffset At);
