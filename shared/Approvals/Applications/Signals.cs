namespace Approvals.Applications;

/// <summary>
/// External events the approval orchestration waits for. Names are built here only, so the API, the queue
/// handler and the orchestration agree.
/// </summary>
public static class Signals
{
    /// <summary>
    /// A department's decision on one item in one review round: a decision of round 1 (a late duplicate, a retry with
    /// another message id) can never be taken as the decision of round 2 on the corrected materials (issue 14, defect 2).
    /// Round 1 keeps the original name, so running instances still match.
    /// </summary>
    public static string Decision(string department, string item, int round = 1) =>
        $"decision:{department.ToUpperInvariant()}:{item.ToUpperInvariant()}{(round > 1 ? $":r{round}" : "")}";

    public const string Resubmission = "resubmission";

    /// <summary>A provisional review deadline of this task can now be computed on a loaded holiday schedule.</summary>
    public static string CalendarUpdated(string department, string item) => $"calendar:{department.ToUpperInvariant()}:{item.ToUpperInvariant()}";

    /// <summary>
    /// The holiday schedule was loaded: compute again every provisional deadline other than review tasks (verification
    /// windows, the notice's answer date, joint-acceptance steps, the rectification date). One signal per instance.
    /// </summary>
    public const string DeadlinesCalendarUpdated = "calendar:deadlines";

    public static string MaterialSupplied(string materialCode) => $"material:{materialCode.ToUpperInvariant()}";

    public static string Inspection(string commitmentId) => $"inspection:{commitmentId}";

    /// <summary>A complaint (投诉举报) about a commitment: its department inspects it, sampled or not, until its window ends.</summary>
    public static string Complaint(string commitmentId) => $"complaint:{commitmentId}";

    /// <summary>Joint acceptance: a department's findings at the joint site inspection (现场联合勘验).</summary>
    public static string SiteFindings(string department) => $"site-findings:{department.ToUpperInvariant()}";

    /// <summary>Joint acceptance: a department's opinion (pass / fail with rectification items) on one item.</summary>
    public static string AcceptanceOpinion(string department, string item) => $"acceptance-opinion:{department.ToUpperInvariant()}:{item.ToUpperInvariant()}";

    /// <summary>Joint acceptance: the applicant reports the failed items rectified (整改完成).</summary>
    public const string Rectified = "rectified";

    /// <summary>Joint acceptance: look again at the project's open commitments now (e.g. after one was verified).</summary>
    public const string CommitmentsRecheck = "commitments-recheck";

    /// <summary>Joint acceptance: the archives answer with the archive certificate number (档案存档证明).</summary>
    public const string ArchiveCertificate = "archive-certificate";

    /// <summary>Joint acceptance: real-estate registration answers with the registration certificate number (不动产权证书).</summary>
    public const string RegistrationCertificate = "registration-certificate";
}

/// <summary>
/// A department's decision on one item (api.md queue message). Without a <see cref="MessageId"/> (an HTTP call that
/// named none) the command derives one from the application, department, item, round and content
/// (<see cref="DecisionIdentity.DerivedMessageId"/>), so a retry is the same message.
/// </summary>
public sealed record DepartmentDecision(string? MessageId, string Department, string Item, string Decision, string? Opinion, string? Reviewer, DateTimeOffset DecidedAt);

/// <summary>The applicant's answer to a one-time notice.</summary>
public sealed record Resubmission(IReadOnlyList<SuppliedMaterial> Materials, string? Note, DateTimeOffset At);

public sealed record SuppliedMaterial(string MaterialCode, string MaterialId);

/// <summary>A complaint about a commitment, as received (投诉举报).</summary>
public sealed record Complaint(string CommitmentId, string Text, DateTimeOffset At);

/// <summary>A verification result for a commitment: pass, fail (broken) or false (虚假承诺).</summary>
public sealed record InspectionResult(string CommitmentId, string Result, string? Findings, string Department, DateTimeOffset At);
