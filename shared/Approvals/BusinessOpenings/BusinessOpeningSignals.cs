namespace Approvals.BusinessOpenings;

/// <summary>External events a business opening's orchestration waits for: one post-check result per item.</summary>
public static class BusinessOpeningSignals
{
    public static string PostCheck(string item) => $"post-check:{item.ToUpperInvariant()}";
}

/// <summary>An inspector's post-check (事后核查) of one item: <see cref="Outcome"/> is verified or broken.</summary>
public sealed record PostCheckResult(string Item, string Department, string Outcome, string? Finding, string? Inspector, DateTimeOffset At);
