using Approvals.Activities;

namespace Approvals.Applications;

/// <summary>
/// Everything the approval orchestration needs, decided at intake from the catalog, the calendar, the risk grade
/// and the applicant's credit: so the orchestration itself stays deterministic and free of reference data.
/// </summary>
public sealed record ApplicationPlan
{
    public required string ApplicationId { get; init; }
    public required string Uscc { get; init; }
    public required string ApplicantName { get; init; }
    public required string ProjectCode { get; init; }
    public required string ProjectName { get; init; }
    public required string Procedure { get; init; }
    public required string RiskLevel { get; init; }
    public required DateTimeOffset AcceptedAt { get; init; }

    /// <summary>Department review tasks (parallel review 并联审批), one per item needing a department.</summary>
    public required IReadOnlyList<PlannedTask> Tasks { get; init; }

    /// <summary>Items approved by the system at once (无干预智能审批): no department task.</summary>
    public IReadOnlyList<PlannedItem> UnattendedItems { get; init; } = [];

    /// <summary>Commitments (承诺), one per material however many items share it (一对多).</summary>
    public IReadOnlyList<PlannedCommitment> Commitments { get; init; } = [];

    /// <summary>Working days the applicant has to answer a one-time notice before the application is closed as withdrawn.</summary>
    public int CorrectionPeriodWorkingDays { get; init; } = 20;

    /// <summary>Seed of the reproducible sampling (双随机) recorded with the plan.</summary>
    public string SamplingSeed { get; init; } = "";

    /// <summary>Staged construction permit (分段办理施工许可) only: the stage applied for and the general contractor.</summary>
    public StagedPermits.PermitStageView? Stage { get; init; }

    /// <summary>The write-once claim on the stage (<see cref="StagedPermits.StageClaims"/>) the orchestration takes first; null for other procedures.</summary>
    public string? StageClaim { get; init; }
}

/// <summary>An item and its display name.</summary>
public sealed record PlannedItem(string Item, string Name, string Department);

/// <summary>
/// A department's review of one item, with the catalog's limit in working days and the computed deadline.
/// <see cref="Basis"/> is the request the deadline was computed from, so a provisional deadline can be computed
/// again once the missing year's holiday schedule is loaded.
/// </summary>
public sealed record PlannedTask(
    string Department,
    string Item,
    string ItemName,
    int TimeLimitWorkingDays,
    DateTimeOffset DueAt,
    DateTimeOffset YellowAt,
    bool Provisional,
    DeadlineRequest? Basis = null);

/// <summary>
/// A commitment to verify after approval: its class (supplement / retained / on-site), the items that depend
/// on it, the verifying department, the verification window, and whether sampling picked it (with the reason).
/// <see cref="Gap"/> marks acceptance with gaps (容缺受理): the material is supplied within
/// <see cref="WithinWorkingDays"/> counted from acceptance (never more than the item's limit), and the decision on
/// the items that depend on it issues only once it is supplied.
/// </summary>
public sealed record PlannedCommitment(
    string CommitmentId,
    string MaterialCode,
    string MaterialName,
    string Class,
    IReadOnlyList<string> Items,
    string VerifyingDepartment,
    int WithinWorkingDays,
    bool Sampled,
    string SamplingReason,
    bool Gap = false);
