using Approvals.JointAcceptance;

namespace Approvals.Applications;

/// <summary>
/// A step of a joint acceptance with its working-day deadline and light: <see cref="State"/> is pending, in-progress or
/// done; <see cref="Round"/> counts re-inspections after rectification.
/// </summary>
public sealed record StepView(string Name, string State, DateTimeOffset DueAt, bool Provisional, string Light, DateTimeOffset? CompletedAt = null, int Round = 1);

/// <summary>
/// The one acceptance opinion (验收意见汇总表) merging every department's latest opinion. <see cref="Result"/> is pass,
/// fail (rectification needed, or a broken earlier commitment) or blocked (an earlier commitment is still open).
/// </summary>
public sealed record AcceptanceOpinionView(DateTimeOffset IssuedAt, int Round, string Result, IReadOnlyList<DepartmentOpinionView> Opinions, string? Reason = null);

/// <summary>One department's opinion on one item, with its rectification items when it failed.</summary>
public sealed record DepartmentOpinionView(string Department, string Item, string Result, string? Opinion, IReadOnlyList<string> Rectifications, int Round);

/// <summary>A rectification notice item (整改通知): open until the applicant rectifies, then passed or failed on re-inspection.</summary>
public sealed record RectificationView(string Department, string Item, string Text, DateTimeOffset IssuedAt, DateTimeOffset AnswerBy, string State, int Round, bool Provisional = false);

/// <summary>The joint site inspection: one appointment every department attends, and each department's findings.</summary>
public sealed record SiteInspectionView(DateTimeOffset AppointmentAt, IReadOnlyList<string> Departments, IReadOnlyList<FindingView> Findings);

public sealed record FindingView(string Department, string Findings, DateTimeOffset At, int Round = 1);

/// <summary>
/// The joint acceptance as a whole: the stages and unit, the time plan chosen by type and risk with its overall
/// deadline, the certificate numbers answered by archives and registration (联验即发证), the project's earlier
/// commitments (closing the loop), and why the acceptance is blocked or failed, if it is.
/// </summary>
public sealed record JointAcceptanceView(
    string Stages,
    string? Unit,
    string TimePlan,
    int TotalWorkingDays,
    DateTimeOffset DueAt,
    bool Provisional,
    IReadOnlyList<EarlierCommitment> EarlierCommitments,
    string? ArchiveCertificateNumber = null,
    string? RegistrationCertificateNumber = null,
    string? Reason = null);
