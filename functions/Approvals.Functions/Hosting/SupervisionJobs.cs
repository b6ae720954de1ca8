using System.Globalization;
using System.Text.Json;
using Approvals.Applications;
using Approvals.Stores;
using Approvals.Supervision;

namespace Approvals.Functions.Hosting;

/// <summary>
/// The two timer jobs of api.md, the same code whether the local host's timer triggers or the Functions host's
/// timer trigger calls them: the commitment audit (with provisional deadlines made final where a holiday schedule has
/// since been loaded), and on the 1st of a month (Shanghai) last month's report.
/// </summary>
public sealed class SupervisionJobs(CommitmentAuditor auditor, MonthlyReportBuilder reports, ProvisionalDeadlines provisional, IKeyedRecords records, ILogger<SupervisionJobs> logger)
{
    public const string ReportsScope = "monthly-reports";
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    public async Task<CommitmentAudit> AuditAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        var recomputed = await provisional.RefreshAsync(cancellationToken);
        if (recomputed > 0) logger.LogInformation("{Count} provisional deadlines can now be counted on a loaded holiday schedule; their orchestrations were signalled", recomputed);
        var audit = await auditor.RunAsync(at, cancellationToken);
        logger.LogInformation("Commitment audit at {At}: {DueSoon} due soon, {Overdue} overdue, {Broken} broken", at, audit.DueSoon.Count, audit.Overdue.Count, audit.Broken.Count);
        return audit;
    }

    /// <summary>Writes last month's report when <paramref name="at"/> falls on the 1st in Shanghai; null on other days.</summary>
    public async Task<MonthlyReport?> MonthlyReportIfDueAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        var local = at.ToOffset(Shanghai);
        if (local.Day != 1) return null;
        var month = new DateTimeOffset(local.Year, local.Month, 1, 0, 0, 0, Shanghai).AddMonths(-1);
        var report = await reports.BuildAsync(month, at, cancellationToken);
        await records.TryAddAsync(ReportsScope, report.Month, JsonSerializer.Serialize(report, new JsonSerializerOptions(JsonSerializerDefaults.Web)), cancellationToken);
        logger.LogInformation("Monthly report {Month} written: {Accepted} applications", report.Month, report.ApplicationsAccepted);
        return report;
    }

    /// <summary>The stored report of a month, written on the 1st of the next one; null before that.</summary>
    public async Task<MonthlyReport?> StoredReportAsync(DateTimeOffset month, CancellationToken cancellationToken) =>
        await records.GetAsync(ReportsScope, month.ToString("yyyy-MM", CultureInfo.InvariantCulture), cancellationToken) is { } json
            ? JsonSerializer.Deserialize<MonthlyReport>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            : null;
}
