namespace Approvals.Calls;

/// <summary>External events a call's orchestration waits for, one name per round so a late duplicate never counts for the next.</summary>
public static class CallSignals
{
    public static string Answer(int round) => $"call-answer:r{round}";

    public static string Rating(int round) => $"call-rating:r{round}";
}

/// <summary>A unit's answer: <see cref="Outcome"/> is solved or explained.</summary>
public sealed record CallAnswer(string Unit, string Outcome, string Text, string? AnsweredBy, DateTimeOffset At);

/// <summary>The enterprise's rating: <see cref="Rating"/> is satisfied or unsatisfied.</summary>
public sealed record CallRating(string Rating, string? Comment, DateTimeOffset At);
