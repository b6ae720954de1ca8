using System.Globalization;
using System.Text.Json;
using Approvals.Applications;
using Approvals.Functions.Http;
using Approvals.Functions.Hosting;
using Approvals.Functions.Problems;
using Approvals.Stores;
using Approvals.Supervision;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Approvals.Functions.Triggers.Http;

/// <summary>The supervisor's board (api.md, "Supervisor"): lights red first, the latest audit, the monthly report, dead letters.</summary>
public sealed class SupervisionFunctions(HttpCall http, ApplicationQueries queries, CommitmentAuditor auditor, SupervisionJobs jobs,
    MonthlyReportBuilder reports, IDeadLetters deadLetters, TimeProvider time)
{
    [Function("SupervisionLights")]
    public Task<IResult> Lights(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "supervision/lights")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        http.RunAsync(request, Access.Supervisor, async _ =>
            Results.Ok((await queries.LightsAsync(request.HttpContext.RequestAborted)).Select(l => new
            {
                applicationId = l.ApplicationId,
                department = l.Department,
                subject = l.Subject,
                kind = l.Kind,
                dueAt = l.DueAt is { } due ? ApplicationResponses.Local(due) : (DateTimeOffset?)null,
                light = l.Light,
            })));

    [Function("LatestAudit")]
    public Task<IResult> LatestAudit(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "audits/latest")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        http.RunAsync(request, Access.Supervisor, async _ =>
            await auditor.LatestAsync(request.HttpContext.RequestAborted) is { } audit ? Results.Ok(audit) : Problem.NotFound("no commitment audit has run yet"));

    [Function("GetMonthlyReport")]
    public Task<IResult> MonthlyReport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reports/monthly")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        http.RunAsync(request, Access.Supervisor, async _ =>
        {
            var now = time.GetUtcNow();
            var month = request.Query["month"].ToString();
            if (month.Length == 0) month = now.ToOffset(TimeSpan.FromHours(8)).AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
            if (!MonthlyReportBuilder.TryParseMonth(month, out var start)) return new ValidationProblem().Add("month", "month reads yyyy-MM, e.g. 2026-11.").ToResult();
            // A closed month answers from the report written on the 1st; the current month is computed live.
            var report = await jobs.StoredReportAsync(start, request.HttpContext.RequestAborted) ?? await reports.BuildAsync(start, now, request.HttpContext.RequestAborted);
            return request.Headers.Accept.ToString().Contains("text/csv", StringComparison.OrdinalIgnoreCase)
                ? Results.Text(MonthlyReportCsv.Write(report), "text/csv; charset=utf-8")
                : Results.Ok(report);
        });

    /// <summary>The dead letters of the department-responses queue, each with its reason, for a person to look at.</summary>
    [Function("DeadLetters")]
    public Task<IResult> DeadLetters([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "supervision/dead-letters")] HttpRequest request) =>
        http.RunAsync(request, Access.Supervisor, async _ =>
            Results.Ok((await deadLetters.ListAsync(DepartmentResponseHandler.Queue, request.HttpContext.RequestAborted)).Select(l => new
            {
                queue = l.Queue,
                messageId = l.MessageId,
                reason = l.Reason,
                at = ApplicationResponses.Local(l.At),
                body = TryParse(l.Body),
            })));

    private static object TryParse(string body)
    {
        try
        {
            return JsonDocument.Parse(body).RootElement.Clone();
        }
        catch (JsonException)
        {
            return body;
        }
    }
}
