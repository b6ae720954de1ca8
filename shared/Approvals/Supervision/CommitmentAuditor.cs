using System.Text.Json;
using Approvals.Applications;
using Approvals.Stores;
using Microsoft.DurableTask;

namespace Approvals.Supervision;

/// <summary>
/// The daily commitment audit (timer <c>CommitmentAudit</c>, 01:00 Shanghai): reads every application's published
/// commitments, sorts them into due soon / overdue / broken, keeps the audit (write-once per run time) and
/// notifies the applicant of what is due soon and the supervisor of what is overdue.
/// </summary>
public sealed class CommitmentAuditor(ApplicationQueries queries, IDeadlineCalculator calendar, IKeyedRecords records, int? dueSoonWorkingDays = null)
{
    public const string Scope = "commitment-audits";
    public const string NotificationScope = "audit-notifications";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<CommitmentAudit> RunAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var dueSoon = new List<AuditEntry>();
        var overdue = new List<AuditEntry>();
        var broken = new List<AuditEntry>();
        var soonLimit = calendar.Compute(new Activities.DeadlineRequest(now, dueSoonWorkingDays ?? Intake.IntakePolicy.Embedded.Lights.DueSoonWorkingDays)).DueAt;
        await foreach (var view in queries.EveryAsync(null, cancellationToken))
        {
            foreach (var c in view.Commitments)
            {
                var entry = new AuditEntry(view.ApplicationId, view.Uscc, view.ProjectCode, c.Id, c.MaterialCode, c.Class, c.VerifyingDepartment, c.DueAt, c.Status);
                if (c.Status is "broken" or "false") broken.Add(entry);
                else if (c.Status is "open" or "supplied" && c.DueAt is { } due && view.Status == "verifying")
                {
                    if (due < now) overdue.Add(entry);
                    else if (due <= soonLimit) dueSoon.Add(entry);
                }
            }
        }
        var audit = new CommitmentAudit(now, Order(dueSoon), Order(overdue), Order(broken));
        await records.TryAddAsync(Scope, now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ"), JsonSerializer.Serialize(audit, Json), cancellationToken);
        foreach (var e in audit.DueSoon)
        {
            await records.TryAddAsync(NotificationScope, $"{e.CommitmentId}/due-soon", $"to {e.Uscc}: commitment {e.CommitmentId} ({e.MaterialCode}) is due by {e.DueAt:yyyy-MM-dd}", cancellationToken);
        }
        foreach (var e in audit.Overdue)
        {
            await records.TryAddAsync(NotificationScope, $"{e.CommitmentId}/overdue", $"to supervisor: verification of {e.CommitmentId} by {e.VerifyingDepartment} was due {e.DueAt:yyyy-MM-dd}", cancellationToken);
        }
        return audit;
    }

    /// <summary>The most recent audit, or null before the first run.</summary>
    public async Task<CommitmentAudit?> LatestAsync(CancellationToken cancellationToken = default)
    {
        var all = await records.ListAsync(Scope, cancellationToken: cancellationToken);
        return all.Count == 0 ? null : JsonSerializer.Deserialize<CommitmentAudit>(all[^1].Value, Json);
    }

    private static List<AuditEntry> Order(List<AuditEntry> entries) => [.. entries.OrderBy(e => e.DueAt ?? DateTimeOffset.MaxValue).ThenBy(e => e.CommitmentId, StringComparer.Ordinal)];
}
