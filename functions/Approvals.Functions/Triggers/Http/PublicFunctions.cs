using Approvals.Applications;
using Approvals.Functions.Http;
using Approvals.Functions.Problems;
using Approvals.Stores;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Approvals.Functions.Triggers.Http;

/// <summary>Public pages (api.md): certificate verification by number or QR code, and the project code page (项目码).</summary>
public sealed class PublicFunctions(HttpCall http, ICertificateStore certificates, ProjectApplications projects, Approvals.Utilities.UtilityQueries utilities,
    Approvals.DirectService.DirectServiceQueries directService, Approvals.LandToStart.LandToStartQueries landToStart,
    Approvals.Stewardship.StewardQueries stewardship)
{
    [Function("GetCertificate")]
    public Task<IResult> Certificate([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "certificates/{number}")] HttpRequest request, string number) =>
        http.RunAsync(request, Access.Anonymous, async _ =>
            // A phone scanning the QR code asks for a page: the portal's verification page (api.md).
            WantsPage(request)
                ? Results.Redirect($"/api/portal/verify.html?number={Uri.EscapeDataString(number)}")
                : await certificates.GetAsync(number, request.HttpContext.RequestAborted) is { } c
                ? Results.Ok(new
                {
                    number = c.Number,
                    item = c.Item,
                    itemName = c.ItemName,
                    holder = new { uscc = c.HolderUscc, name = c.HolderName },
                    project = new { code = c.ProjectCode, name = c.ProjectName },
                    issuedAt = ApplicationResponses.Local(c.IssuedAt),
                    status = c.Status,
                    revokedAt = c.RevokedAt is { } r ? ApplicationResponses.Local(r) : (DateTimeOffset?)null,
                    revocationReason = c.RevocationReason,
                })
                : Problem.NotFound($"no certificate numbered {number}"));

    private static bool WantsPage(HttpRequest request) =>
        request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

    [Function("GetCertificateDocument")]
    public Task<IResult> Document([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "certificates/{number}/document")] HttpRequest request, string number) =>
        http.RunAsync(request, Access.Anonymous, async _ =>
            await certificates.GetDocumentAsync(number, request.HttpContext.RequestAborted) is { } d
                ? Results.File(d.Content, d.ContentType)
                : Problem.NotFound($"no certificate numbered {number}"));

    [Function("GetProject")]
    public Task<IResult> Project(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "projects/{code}")] HttpRequest request, string code,
        [DurableClient] DurableTaskClient client) =>
        http.RunAsync(request, Access.Anonymous, async _ =>
        {
            var ct = request.HttpContext.RequestAborted;
            // The reads are independent: run them together, so the page waits for the slowest, not for their sum.
            var issuedRead = certificates.ListByProjectAsync(code, ct);
            var applicationsRead = projects.ViewsAsync(code, ct);
            var utilitiesRead = utilities.ForProjectAsync(code, ct);
            var bookingsRead = directService.ForProjectAsync(code, ct);
            var landRead = landToStart.ForProjectAsync(code, ct);
            var planRead = stewardship.ForProjectAsync(code, ct);
            await Task.WhenAll(issuedRead, applicationsRead, utilitiesRead, bookingsRead, landRead, planRead);
            var issued = await issuedRead;
            var mine = await applicationsRead;
            var utilityCases = await utilitiesRead;
            var bookings = await bookingsRead;
            var landCases = await landRead;
            var stewardPlan = await planRead;
            if (issued.Count == 0 && mine.Count == 0 && utilityCases.Count == 0 && bookings.Count == 0 && landCases.Count == 0 && stewardPlan is null) return Problem.NotFound($"no project with code {code}");
            return Results.Ok(new
            {
                code,
                certificates = issued.Select(c => new { number = c.Number, item = c.Item, itemName = c.ItemName, status = c.Status, issuedAt = ApplicationResponses.Local(c.IssuedAt) }),
                approvals = mine.Select(a => new
                {
                    applicationId = a.ApplicationId,
                    procedure = a.Procedure,
                    status = a.Status,
                    acceptedAt = ApplicationResponses.Local(a.AcceptedAt),
                    items = a.Tasks.Select(t => new { item = t.Item, department = t.Department, state = t.State }),
                    stage = a.Stage is { } st ? new { code = st.Code, order = st.Order, of = st.Of, name = st.Name, nameEn = st.NameEn } : null,
                }),
                // 分段办理施工许可: how many of the stages hold a valid permit (k of n).
                stagedPermit = mine.FirstOrDefault(a => a.Stage is not null)?.Stage is { } any
                    ? new
                    {
                        of = any.Of,
                        issued = mine.Where(a => a.Stage is not null && a.Certificates.Any(c => c.Status == "valid")).Select(a => a.Stage!.Code).Distinct().Count(),
                        contractor = new { uscc = any.ContractorUscc, name = any.ContractorName },
                    }
                    : null,
                // 联合报装: each utility's step and light.
                utilities = utilityCases.Select(u => new
                {
                    caseId = u.CaseId,
                    status = u.Status,
                    tracks = u.Tracks.Select(t => new { utility = t.Utility, name = t.Name, step = t.Step, awaiting = t.Awaiting, light = t.Light }),
                }),
                // 审批服务直通车: the booking, its team and how far the service plan is ticked off.
                directService = bookings.Select(b => new
                {
                    bookingId = b.BookingId,
                    status = b.Status,
                    team = b.Team?.Name,
                    itemsSettled = b.Items.Count(i => i.Settled),
                    items = b.Items.Count,
                    nodesTicked = b.Plan.Count(n => n.TickedOn is not null),
                    nodes = b.Plan.Count,
                }),
                // 拿地即开工: the pre-land steps done, and each of the four documents (simulated opinions are marked 模拟, never certificates).
                landToStart = landCases.Select(l => new
                {
                    caseId = l.CaseId,
                    status = l.Status,
                    stepsDone = l.Steps.Count(s => s.State is "done" or "skipped"),
                    steps = l.Steps.Count,
                    documents = l.Documents.Select(d => new { key = d.Key, name = d.Name, state = d.State, simulated = d.Simulated is not null && d.Certificate is null, certificate = d.Certificate }),
                }),
                // 项目管家: the steward, and how the plan's nodes stand.
                stewardPlan = stewardPlan is { } sp
                    ? new { steward = sp.Steward, nodesDone = sp.Nodes.Count(n => n.IsDone), nodes = sp.Nodes.Count, warned = sp.Nodes.Count(n => !n.IsDone && n.Warnings.Count > 0) }
                    : null,
                progress = mine.SelectMany(a => a.Timeline.TakeLast(5).Select(e => new { applicationId = a.ApplicationId, at = ApplicationResponses.Local(e.At), @event = e.Event })),
            });
        });
}
