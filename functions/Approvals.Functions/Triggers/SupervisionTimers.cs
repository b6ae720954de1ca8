using Approvals.Functions.Hosting;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Approvals.Functions.Triggers;

/// <summary>
/// The two timers of api.md. NCRONTAB schedules are UTC on Linux plans: 17:00 and 18:00 UTC are 01:00 and 02:00 in
/// Asia/Shanghai (no daylight saving). The job reads the app's clock, which stands at the occurrence when the
/// trigger fires (in Azure, and locally where the virtual clock stops at each occurrence).
/// </summary>
public sealed class SupervisionTimers(SupervisionJobs jobs, TimeProvider time, ILogger<SupervisionTimers> logger)
{
    public const string AuditSchedule = "0 0 17 * * *";
    public const string ReportSchedule = "0 0 18 * * *";

    [Function("CommitmentAudit")]
    public async Task CommitmentAudit([TimerTrigger(AuditSchedule)] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        var audit = await jobs.AuditAsync(time.GetUtcNow(), cancellationToken);
        logger.LogInformation("commitment audit: {DueSoon} due soon, {Overdue} overdue, {Broken} broken", audit.DueSoon.Count, audit.Overdue.Count, audit.Broken.Count);
    }

    [Function("MonthlyReport")]
    public async Task MonthlyReport([TimerTrigger(ReportSchedule)] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        var report = await jobs.MonthlyReportIfDueAsync(time.GetUtcNow(), cancellationToken);
        if (report is null) logger.LogInformation("monthly report: not the 1st of the month in Asia/Shanghai, nothing to write");
    }
}
