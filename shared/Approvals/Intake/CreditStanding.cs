namespace Approvals.Intake;

/// <summary>
/// What an applicant's credit record (信用记录) allows today: the grade, whether it may take the commitment route
/// (告知承诺) and acceptance with gaps (容缺受理), and why not when it may not. Grades: A (good record), B (no record),
/// C (a broken commitment in its period), D (a false commitment in its period).
/// </summary>
public sealed record CreditStanding(
    string Uscc,
    string Grade,
    bool CommitmentAllowed,
    bool GapAcceptanceAllowed,
    string? Restriction,
    DateTimeOffset? RestrictedUntil,
    IReadOnlyList<CreditFinding> ActiveFindings);

/// <summary>A bad record still in effect: its kind, reference, when it ends and from when repair (信用修复) may be asked.</summary>
public sealed record CreditFinding(string Kind, string Reference, DateTimeOffset OccurredAt, DateTimeOffset EffectiveUntil, DateTimeOffset RepairableFrom);
