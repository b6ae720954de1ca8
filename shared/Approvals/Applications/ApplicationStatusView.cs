namespace Approvals.Applications;

/// <summary>
/// The status of an application as <c>GET /api/applications/{id}</c> shows it (api.md). The orchestration keeps it
/// as its custom status, so a status read never replays anything.
/// </summary>
public sealed record ApplicationStatusView : Orchestrations.TimelineView
{
    public required string ApplicationId { get; init; }
    public required string Procedure { get; init; }
    public required string Status { get; init; }
    public required string RiskLevel { get; init; }
    public required string Uscc { get; init; }
    public required string ProjectCode { get; init; }
    public required DateTimeOffset AcceptedAt { get; init; }
    public IReadOnlyList<TaskView> Tasks { get; init; } = [];
    public IReadOnlyList<NoticeView> Notices { get; init; } = [];
    public IReadOnlyList<CertificateView> Certificates { get; init; } = [];
    public IReadOnlyList<CommitmentView> Commitments { get; init; } = [];
    public ClockView Clock { get; init; } = new([], null);
    public string? CommitmentLetterHash { get; init; }

    /// <summary>
    /// The orchestration's answers to the decisions it received: every accepted one, and the last few duplicates and
    /// refusals. Kept for the commands (not shown by the status API), so a decision is answered from the orchestration's
    /// own state, never from a lagging view.
    /// </summary>
    public IReadOnlyList<DecisionAnswer> DecisionAnswers { get; init; } = [];

    /// <summary>Joint acceptance only: each step with its deadline, light and state.</summary>
    public IReadOnlyList<StepView> Steps { get; init; } = [];

    /// <summary>Joint acceptance only: the joint site inspection appointment and findings.</summary>
    public SiteInspectionView? SiteInspection { get; init; }

    /// <summary>Joint acceptance only: the one acceptance opinion (验收意见汇总表), latest round.</summary>
    public AcceptanceOpinionView? AcceptanceOpinion { get; init; }

    /// <summary>Joint acceptance only: rectification items (整改) of every round.</summary>
    public IReadOnlyList<RectificationView> Rectifications { get; init; } = [];

    /// <summary>Joint acceptance only: stages, unit, time plan, certificate numbers, earlier commitments, reason.</summary>
    public JointAcceptanceView? JointAcceptance { get; init; }

    /// <summary>Staged construction permit (分段办理施工许可) only: the stage it covers and the general contractor.</summary>
    public StagedPermits.PermitStageView? Stage { get; init; }
}

/// <summary>A department task with its light (亮灯): green in time, yellow close to the limit, red overdue.</summary>
public sealed record TaskView(string Department, string Item, string State, DateTimeOffset DueAt, string Light, string? Opinion, bool Provisional = false, int Round = 1, DateTimeOffset? DecidedAt = null);

/// <summary>A one-time notice (一次性告知) merging every department's corrections.</summary>
public sealed record NoticeView(string Kind, DateTimeOffset IssuedAt, IReadOnlyList<CorrectionView> Corrections, DateTimeOffset AnswerBy, bool Provisional = false);

public sealed record CorrectionView(string Department, string Item, string Text);

public sealed record CertificateView(string Number, string Item, string Status, string VerifyUrl);

/// <summary>
/// A commitment and its verification state: open, supplied, fulfilled, not-sampled (not sampled, no finding: verified in
/// full at joint acceptance), broken or false. <see cref="Gap"/>: acceptance with gaps (容缺), supplied during the review.
/// </summary>
public sealed record CommitmentView(
    string Id, string MaterialCode, string Class, IReadOnlyList<string> Items, DateTimeOffset? DueAt, bool Sampled, string Status,
    string VerifyingDepartment, string? Light = null, bool Provisional = false, bool Gap = false);

/// <summary>The timing record (审批用时管理): the clock's stops with their legal reason; days used are counted at read time.</summary>
public sealed record ClockView(IReadOnlyList<PauseView> Paused, DateTimeOffset? ClosedAt);

public sealed record PauseView(DateTimeOffset From, DateTimeOffset? To, string Reason);

public sealed record TimelineEntry(DateTimeOffset At, string Event);
