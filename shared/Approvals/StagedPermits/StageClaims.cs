namespace Approvals.StagedPermits;

/// <summary>
/// A stage of a project is asked for once at a time. Intake checks the project's earlier applications, but that check
/// is a query: two submissions of the same stage arriving together both pass it. So the application's first step writes
/// a write-once claim (<see cref="Stores.IKeyedRecords"/>) keyed by project, stage and attempt; the attempt is one more
/// than the stage's earlier applications, so racing submissions name the same key and only the first claim stands.
/// A stage refused or withdrawn before counts as an attempt, so asking again names a new key.
/// </summary>
public static class StageClaims
{
    public const string Scope = "permit-stage-claims";

    public static string Key(string projectCode, string stageCode, int attempt) =>
        $"{projectCode.Trim().ToUpperInvariant()}:{stageCode}:{attempt}";

    /// <summary>The attempt this application is at the stage: its earlier applications of the stage, plus one.</summary>
    public static int Attempt(string stageCode, IEnumerable<EarlierStage> earlier) => earlier.Count(e => e.Stage == stageCode) + 1;
}
