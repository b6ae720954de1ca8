using System.Security.Claims;
using Approvals.BusinessOpenings;
using Approvals.Functions.Http;
using Approvals.Functions.Identity;
using Approvals.Functions.Problems;
using Approvals.Orchestrations;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Approvals.Functions.Triggers.Http;

/// <summary>
/// 开户即开业 / 证照联办 for the founder (api.md "The seed systems"): submit a business opening (202 + Location, idempotent
/// by <c>Idempotency-Key</c>; the case is keyed by its application number, the founder by the caller's identity, since
/// the company has no USCC yet), read it (the founder, the departments concerned, supervisors; others 404), and list
/// the founder's own cases.
/// </summary>
public sealed class BusinessOpeningFunctions(HttpCall http, BusinessOpeningPlanner planner, BusinessOpeningCommands commands, BusinessOpeningQueries queries,
    KeyedStarts starts, TimeProvider time)
{
    public const string Scope = "business-openings";

    public const int MaxBodyBytes = 32 * 1024;

    [JsonRequestBody(typeof(BusinessOpeningRequest))]
    [Function("SubmitBusinessOpening")]
    public Task<IResult> Submit(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "business-openings")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        http.RunAsync(request, Access.Applicant, user => SubmitAsync(request, user, request.HttpContext.RequestAborted));

    [Function("GetBusinessOpening")]
    public Task<IResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "business-openings/{id}")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient client) =>
        http.RunAsync(request, Access.Authenticated, async user =>
        {
            var view = await commands.GetAsync(id, request.HttpContext.RequestAborted);
            return view is not null && MayRead(user, view)
                ? Results.Ok(BusinessOpeningResponses.Status(view))
                : Problem.NotFound($"开业申请 {id} 不存在 / business opening {id} does not exist");
        });

    [Function("ListBusinessOpenings")]
    public Task<IResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "business-openings")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        http.RunAsync(request, Access.Applicant, async user =>
        {
            if (user.Subject() is not { } founder) return Problem.Forbidden("only founders list their business openings");
            return Results.Ok((await queries.ForFounderAsync(founder, request.HttpContext.RequestAborted)).Select(BusinessOpeningResponses.Line));
        });

    private static bool MayRead(ClaimsPrincipal user, BusinessOpeningStatusView view) =>
        user.IsSupervisor() || user.Subject() == view.Founder ||
        (user.IsInRole(Roles.Department) && user.FindFirstValue(Roles.DepartmentClaim) is { } dept && view.Concerns(dept));

    private async Task<IResult> SubmitAsync(HttpRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.Subject() is not { } founder) return Problem.Forbidden("only founders submit business openings");
        return await starts.StartFromBodyAsync<BusinessOpeningRequest>(request, Scope, founder, BusinessOpeningQueries.IdPrefix, MaxBodyBytes,
            (caseId, opening) =>
            {
                var planned = planner.Plan(caseId, founder, opening, time.GetUtcNow());
                return Task.FromResult(PlannedCase.Of(planned.Plan, planned.Errors));
            },
            BusinessOpeningOrchestrator.Name, Accepted, "开业申请有误 / The business opening has problems.", ct);
    }

    private static IResult Accepted(string caseId)
    {
        var uri = $"/api/business-openings/{caseId}";
        return Results.Accepted(uri, new { caseId, applicationNumber = caseId, statusUri = uri });
    }
}
