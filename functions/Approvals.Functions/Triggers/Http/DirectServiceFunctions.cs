using System.Security.Claims;
using Approvals.DirectService;
using Approvals.Functions.Http;
using Approvals.Functions.Identity;
using Approvals.Functions.Problems;
using Approvals.Identity;
using Approvals.Orchestrations;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Approvals.Functions.Triggers.Http;

/// <summary>
/// 审批服务直通车 for the applicant (api.md "The seed systems"): a booking by the portal (202 + Location, idempotent by
/// <c>Idempotency-Key</c>), or a phone or hall record taken by the centre for an enterprise; the booking with its first
/// contact, team, visits, items and plan; the applicant's list; and the supply of the key documents of an extreme gap
/// acceptance (极限容缺受理).
/// </summary>
public sealed class DirectServiceFunctions(HttpCall http, BookingPlanner planner, DirectServiceCommands commands, DirectServiceQueries queries, DirectServicePolicy policy,
    KeyedStarts starts, TimeProvider time)
{
    public const string Scope = "direct-service";

    public const int MaxBodyBytes = 16 * 1024;

    public sealed record SupplyBody(string? Item, IReadOnlyList<SuppliedDocumentBody>? Documents);

    public sealed record SuppliedDocumentBody(string? MaterialCode, string? MaterialId);

    [JsonRequestBody(typeof(BookingRequest))]
    [Function("BookDirectService")]
    public Task<IResult> Book(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "direct-service/bookings")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        http.RunAsync(request, Access.Authenticated, user => BookAsync(request, user, request.HttpContext.RequestAborted));

    [Function("GetDirectServiceBooking")]
    public Task<IResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "direct-service/bookings/{id}")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient client) =>
        http.RunAsync(request, Access.Authenticated, async user =>
        {
            var view = await commands.GetAsync(id, request.HttpContext.RequestAborted);
            return view is not null && MayRead(user, view)
                ? Results.Ok(DirectServiceResponses.Status(view))
                : Problem.NotFound($"预约 {id} 不存在 / booking {id} does not exist");
        });

    [Function("ListDirectServiceBookings")]
    public Task<IResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "direct-service/bookings")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        http.RunAsync(request, Access.Applicant, async user =>
        {
            if (user.Uscc() is not { } uscc) return Problem.Forbidden("only enterprises list their bookings");
            return Results.Ok((await queries.ForApplicantAsync(uscc, request.HttpContext.RequestAborted)).Select(DirectServiceResponses.Line));
        });

    [JsonRequestBody(typeof(SupplyBody))]
    [Function("SupplyKeyDocuments")]
    public Task<IResult> Supply(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "direct-service/bookings/{id}/supplies")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient client) =>
        http.RunAsync<SupplyBody>(request, Access.Applicant, async (user, body) =>
        {
            if (user.Uscc() is not { } uscc) return Problem.Forbidden("only the applicant supplies its documents");
            var problems = new ValidationProblem();
            if (string.IsNullOrWhiteSpace(body.Item)) problems.Add("item", "请指明事项 / item is required.");
            if (body.Documents is not { Count: > 0 and <= 20 }) problems.Add("documents", "请附 1 至 20 份要件 / attach 1 to 20 documents.");
            foreach (var (document, i) in (body.Documents ?? []).Select((d, i) => (d, i)))
            {
                if (string.IsNullOrWhiteSpace(document.MaterialCode)) problems.Add($"documents[{i}].materialCode", "materialCode is required.");
                if (string.IsNullOrWhiteSpace(document.MaterialId)) problems.Add($"documents[{i}].materialId", "materialId is required: upload with POST /api/materials first.");
            }
            if (problems.HasErrors) return problems.ToResult();
            var documents = body.Documents!.Select(d => new SuppliedDocument(d.MaterialCode!.Trim(), d.MaterialId!.Trim())).ToList();
            return (await commands.SupplyAsync(id, uscc, body.Item!.Trim(), documents, request.HttpContext.RequestAborted)).ToHttp();
        });

    private bool MayRead(ClaimsPrincipal user, BookingStatusView view) =>
        user.MayRead(view.Uscc) || user.IsDepartment(policy.Centre.Code) || view.Items.Any(i => user.IsDepartment(i.Department));

    private async Task<IResult> BookAsync(HttpRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var centre = user.IsDepartment(policy.Centre.Code);
        if (user.Uscc() is null && !centre) return Problem.Forbidden($"预约由企业本人或 {policy.Centre.Name} 代为登记 / a booking is made by the enterprise, or recorded by the {policy.Centre.NameEn}");
        return await starts.StartFromBodyAsync<BookingRequest>(request, Scope, centre ? policy.Centre.Code : user.Uscc()!, DirectServiceQueries.IdPrefix, MaxBodyBytes,
            (bookingId, booking) =>
            {
                var errors = new Dictionary<string, string[]>();
                var uscc = user.Uscc();
                var bookedBy = "applicant";
                if (centre)
                {
                    // A phone or hall record the centre takes for an enterprise.
                    uscc = booking.Uscc?.Trim().ToUpperInvariant() ?? "";
                    if (!Uscc.IsValid(uscc)) errors["uscc"] = ["代为登记须填写企业统一社会信用代码 / a record for an enterprise needs its valid uscc."];
                    if (booking.Channel is not ("phone" or "hall")) errors["channel"] = ["中心代为登记的预约来自电话或大厅 / a record the centre takes is by phone or at the hall."];
                    bookedBy = $"{policy.Centre.Code}: {user.Identity?.Name ?? "centre"}";
                }
                var planned = planner.Plan(bookingId, uscc!, bookedBy, booking, time.GetUtcNow());
                foreach (var (field, messages) in planned.Errors) errors[field] = messages;
                return Task.FromResult(PlannedCase.Of(planned.Plan, errors));
            },
            DirectServiceOrchestrator.Name, Accepted, "直通车预约有误 / The booking has problems.", ct);
    }

    private static IResult Accepted(string bookingId)
    {
        var uri = $"/api/direct-service/bookings/{bookingId}";
        return Results.Accepted(uri, new { bookingId, statusUri = uri });
    }
}
