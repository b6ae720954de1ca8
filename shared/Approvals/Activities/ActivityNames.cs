namespace Approvals.Activities;

/// <summary>The approval workflow's activities, by registered name.</summary>
public static class ActivityNames
{
    public const string WriteCommitmentLetter = nameof(WriteCommitmentLetter);
    public const string SendReviewRequest = nameof(SendReviewRequest);
    public const string Escalate = nameof(Escalate);
    public const string ComputeDeadline = nameof(ComputeDeadline);
    public const string IssueCertificate = nameof(IssueCertificate);
    public const string RevokeCertificates = nameof(RevokeCertificates);
    public const string OpenEnforcementCase = nameof(OpenEnforcementCase);
    public const string RecordCredit = nameof(RecordCredit);
    public const string ClaimPermitStage = nameof(ClaimPermitStage);
}

/// <summary>
/// Input of ComputeDeadline: N working days after <see cref="From"/>; when <see cref="UsedFrom"/>/<see cref="UsedTo"/>
/// are set, the working days already used between them are deducted (the remaining time after a stopped clock), less
/// the working days of the earlier clock stops in <see cref="StoppedBetween"/> (measure 15: a stop is not used time).
/// </summary>
public sealed record DeadlineRequest(DateTimeOffset From, int WorkingDays)
{
    public DateTimeOffset? UsedFrom { get; init; }
    public DateTimeOffset? UsedTo { get; init; }

    /// <summary>Clock stops (each ended) between <see cref="UsedFrom"/> and <see cref="UsedTo"/>: their working days were not used.</summary>
    public IReadOnlyList<Applications.PauseView> StoppedBetween { get; init; } = [];
}

/// <summary>A working-day deadline (end of the Nth working day, Asia/Shanghai), when it turns yellow, and whether it is provisional.</summary>
public sealed record Deadline(DateTimeOffset DueAt, DateTimeOffset YellowAt, bool Provisional);

/// <summary>A notice to a department or the supervisor.</summary>
public sealed record Notification(string ApplicationId, string Recipient, string Kind, string Text, string Key);

/// <summary>Input of IssueCertificate.</summary>
public sealed record CertificateRequest(string ApplicationId, string Item, string ItemName, string HolderUscc, string HolderName, string ProjectCode, string ProjectName, DateTimeOffset IssuedAt);

/// <summary>Input of RevokeCertificates.</summary>
public sealed record RevocationRequest(string ApplicationId, IReadOnlyList<string> Numbers, string Reason, DateTimeOffset At);

/// <summary>Input of OpenEnforcementCase (执法).</summary>
public sealed record EnforcementRequest(string ApplicationId, string Uscc, string CommitmentId, string Outcome, string Findings, DateTimeOffset At);

/// <summary>Input of RecordCredit: one outcome for the applicant's credit record; Reference makes it idempotent.</summary>
public sealed record CreditOutcome(string Uscc, string Kind, string Reference, string Details, DateTimeOffset OccurredAt);
