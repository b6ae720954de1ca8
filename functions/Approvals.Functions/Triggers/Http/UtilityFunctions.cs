using System.Security.Claims;
using Approvals.Functions.Http;
using Approvals.Functions.Identity;
using Approvals.Functions.Problems;
using Approvals.Orchestrations;
using Approvals.Utilities;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Approvals.Functions.Triggers.Http;

/// <summary>
/// 联合报装 for the applicant (api.md "The seed systems"): one form to every utility (202 + Location, idempotent by
/// <c>Idempotency-Key</c>), the case with each utility's step, deadline and light, its list, the connection request after
/// completion acceptance (409 before it), and the published utilities with their matters, limits and fees.
/// </summary>
public sealed class UtilityFunctions(HttpCall http, UtilityPlanner planner, UtilityCommands commands, UtilityQueries queries, UtilityPolicy policy,
    KeyedStarts starts, TimeProvider time)
{
    public const string Scope = "utilities";

    public const int MaxBodyBytes = 16 * 1024;

    [JsonRequestBody(typeof(UtilityRequest))]
    [Function("SubmitUtilityApplication")]
    public Task<IResult> Submit(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "utilities/applications")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        http.RunAsync(request, Access.Applicant, user => SubmitAsync(request, user, request.HttpContext.RequestAborted));

    [Function("GetUtilityApplication")]
    public Task<IResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "utilities/applications/{id}")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient client) =>
        http.RunAsync(request, Access.Authenticated, async user =>
        {
            var view = await commands.GetAsync(id, request.HttpContext.RequestAborted);
            return view is not null && MayRead(user, view)
                ? Results.Ok(UtilityResponses.Status(view))
                : Problem.NotFound($"报装 {id} 不存在 / utilities application {id} does not exist");
        });

    [Function("ListUtilityApplications")]
    public Task<IResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "utilities/applications")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        http.RunAsync(request, Access.Applicant, async user =>
        {
            if (user.Uscc() is not { } uscc) return Problem.Forbidden("only enterprises list their utilities applications");
            return Results.Ok((await queries.ForApplicantAsync(uscc, request.HttpContext.RequestAborted)).Select(UtilityResponses.Line));
        });

    [Function("RequestUtilityConnection")]
    public Task<IResult> RequestConnection(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "utilities/applications/{id}/connection")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient client) =>
        http.RunAsync(request, Access.Applicant, async user =>
        {
            if (user.Uscc() is not { } uscc) return Problem.Forbidden("only the applicant asks to connect");
            return (await commands.RequestConnectionAsync(id, uscc, request.HttpContext.RequestAborted)).ToHttp();
        });

    [Function("CatalogUtilities")]
    public Task<IResult> Catalog([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "catalog/utilities")] HttpRequest request) =>
        http.RunAsync(request, Access.Anonymous, _ => Results.Ok(new
        {
            lead = policy.Lead,
            jointSurvey = policy.JointSurvey,
            windows = policy.Windows,
            utilities = policy.Utilities.Select(u => new
            {
                code = u.Code,
                name = u.Name,
                nameEn = u.NameEn,
                matters = u.Matters,
                quantityUnit = u.QuantityUnit,
                maxQuantity = u.MaxQuantity,
                feePerUnit = u.FeePerUnit,
                surveyWorkingDays = u.SurveyWorkingDays,
                completeWorkingDays = u.CompleteWorkingDays,
                connectWorkingDays = u.ConnectWorkingDays,
            }),
            sources = policy.Sources,
        }));

    private static bool MayRead(ClaimsPrincipal user, UtilityStatusView view) =>
        user.MayRead(view.Uscc) || view.Tracks.Any(t => user.IsDepartment(t.Utility));

    private async Task<IResult> SubmitAsync(HttpRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.Uscc() is not { } uscc) return Problem.Forbidden("only enterprises apply for utilities");
        return await starts.StartFromBodyAsync<UtilityRequest>(request, Scope, uscc, UtilityQueries.IdPrefix, MaxBodyBytes,
            (caseId, form) =>
            {
                var planned = planner.Plan(caseId, uscc, form, time.GetUtcNow());
                return Task.FromResult(PlannedCase.Of(planned.Plan, planned.Errors));
            },
            UtilitiesOrchestrator.Name, Accepted, "联合报装申请有误 / The utilities application has problems.", ct);
    }

    private static IResult Accepted(string caseId)
    {
        var uri = $"/api/utilities/applications/{caseId}";
        return Results.Accepted(uri, new { caseId, statusUri = uri });
    }
}
