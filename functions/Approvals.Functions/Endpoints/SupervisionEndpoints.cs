using Approvals.Applications;
using Approvals.Functions.Hosting;
using Approvals.Functions.Problems;
using Approvals.Supervision;
using Approvals.Functions.Identity;

namespace Approvals.Functions.Endpoints;

/// <summary>The supervisor's board (api.md, "Supervisor"): every open task and verification with its light, red first.</summary>
public static class SupervisionEndpoints
{
    public static void MapSupervision(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Supervisor").RequireAuthorization(Roles.Supervisor);
        group.MapGet("/supervision/lights", async (ApplicationQueries queries, CancellationToken ct) =>
            Results.Ok((await queries.LightsAsync(ct)).Select(l => new
            {
                applicationId = l.ApplicationId,
                department = l.Department,
                subject = l.Subject,
                kind = l.Kind,
                dueAt = l.DueAt is { } due ? ApplicationResponses.Local(due) : (DateTimeOffset?)null,
                light = l.Light,
            })));

        group.MapGet("/audits/latest", async (CommitmentAuditor auditor, CancellationToken ct) =>
            await auditor.LatestAsync(ct) is { } audit ? Results.Ok(audit) : Problem.NotFound("no commitment audit has run yet"));

        group.MapGet("/reports/monthly", async (string? month, HttpContext http, SupervisionJobs jobs, MonthlyReportBuilder reports, TimeProvider time, CancellationToken ct) =>
        {
            var now = time.GetUtcNow();
            month ??= now.ToOffset(TimeSpan.FromHours(8)).AddMonths(-1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
            if (!MonthlyReportBuilder.TryParseMonth(month, out var start)) return new ValidationProblem().Add("month", "month reads yyyy-MM, e.g. 2026-11.").ToResult();
            // A closed month answers from the report written on the 1st; the current month is computed live.
            var report = await jobs.StoredReportAsync(start, ct) ?? await reports.BuildAsync(start, now, ct);
            return http.Request.Headers.Accept.ToString().Contains("text/csv", StringComparison.OrdinalIgnoreCase)
                ? Results.Text(MonthlyReportCsv.Write(report), "text/csv; charset=utf-8")
                : Results.Ok(report);
        });
    }
}
