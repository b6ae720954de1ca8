using Approvals.Applications;

namespace Approvals.LandToStart;

/// <summary>
/// A land-to-start case's published status. <see cref="Status"/> is pre-land (steps and simulated opinions under way),
/// ready (every step done and every document's simulated opinion passed), contract-signed (the contract came; documents
/// under re-review still owed) or four-issued (all four documents issued).
/// </summary>
public sealed record LandToStartStatusView : Orchestrations.TimelineView
{
    public required string CaseId { get; init; }
    public required string Uscc { get; init; }
    public required string ProjectCode { get; init; }
    public required string ProjectName { get; init; }
    public required string Park { get; init; }
    public bool SoldWithDesignScheme { get; init; }
    public required string Status { get; init; }
    public required DateTimeOffset AppliedAt { get; init; }
    public DateTimeOffset? ReadyAt { get; init; }
    public required IReadOnlyDictionary<string, string> Conditions { get; init; }
    public required IReadOnlyDictionary<string, string> Materials { get; init; }
    public required IReadOnlyList<LandStepView> Steps { get; init; }
    public required IReadOnlyList<LandDocumentView> Documents { get; init; }
    public string? ContractNumber { get; init; }
    public DateOnly? ContractSignedOn { get; init; }
    public DateTimeOffset? ContractAt { get; init; }
}

/// <summary>A pre-land step: waiting (for earlier steps), open (lit against its limit), done or skipped.</summary>
public sealed record LandStepView
{
    public required string Key { get; init; }
    public required string Name { get; init; }
    public required string NameEn { get; init; }
    public required string Department { get; init; }
    public required string State { get; init; }
    public IReadOnlyList<string> After { get; init; } = [];
    public DateTimeOffset? OpenedAt { get; init; }
    public DateTimeOffset? DueAt { get; init; }
    public string? Light { get; init; }
    public DateTimeOffset? DoneAt { get; init; }
    public bool Late { get; init; }
    public string? Note { get; init; }
}

/// <summary>
/// One of the four documents: awaiting-simulation, simulated (pass, marked 模拟 and never a certificate) or
/// simulated-fail, then on the contract day issued, or re-review (its basis changed or it was not ready: red) until a
/// formal opinion issues it.
/// </summary>
public sealed record LandDocumentView
{
    public required string Key { get; init; }
    public required string Name { get; init; }
    public required string NameEn { get; init; }
    public required string Department { get; init; }
    public required string State { get; init; }

    /// <summary>The fingerprint of the conditions and materials the document rests on now.</summary>
    public required string Basis { get; init; }

    public LandOpinionView? Simulated { get; init; }
    public LandOpinionView? Formal { get; init; }
    public string? Certificate { get; init; }
    public DateTimeOffset? IssuedAt { get; init; }
    public string? Light { get; init; }
    public IReadOnlyList<string> ReReviewBecause { get; init; } = [];
}

/// <summary>An opinion as shown: simulated ones always carry the 模拟 mark.</summary>
public sealed record LandOpinionView(string Result, string Opinion, string Basis, DateTimeOffset At, bool Simulated)
{
    public string Mark => Simulated ? "模拟 / simulated" : "正式 / formal";
}
