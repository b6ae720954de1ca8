namespace Approvals.Supervision;

/// <summary>
/// One run of the daily commitment audit (承诺核查督办): commitments due soon (a reminder goes out), overdue
/// (red, escalated to the supervisor) and broken or false (enforcement follows in their orchestrations).
/// </summary>
public sealed record CommitmentAudit(
    DateTimeOffset RunAt,
    IReadOnlyList<AuditEntry> DueSoon,
    IReadOnlyList<AuditEntry> Overdue,
    IReadOnlyList<AuditEntry> Broken);

/// <summary>A commitment as the audit saw it.</summary>
public sealed record AuditEntry(
    string ApplicationId,
    string Uscc,
    string ProjectCode,
    string CommitmentId,
    string MaterialCode,
    string Class,
    string VerifyingDepartment,
    DateTimeOffset? DueAt,
    string Status);
