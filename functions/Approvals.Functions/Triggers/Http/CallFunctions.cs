using System.Security.Claims;
using Approvals.Calls;
using Approvals.Functions.Http;
using Approvals.Functions.Identity;
using Approvals.Functions.Problems;
using Approvals.Orchestrations;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Approvals.Functions.Triggers.Http;

/// <summary>
/// 呼叫即回应 for the enterprise (api.md "The seed systems"): register a problem (挂号, 202 + Location, idempotent by
/// <c>Idempotency-Key</c>), see who must answer by when, list its calls, and rate the answer (satisfied closes it,
/// unsatisfied reopens it; 409 before an answer was shown).
/// </summary>
public sealed class CallFunctions(HttpCall http, CallPlanner planner, CallCommands commands, CallQueries queries, KeyedStarts starts, TimeProvider time)
{
    public const string Scope = "calls";

    public const int MaxBodyBytes = 16 * 1024;

    public sealed record RatingBody(string? Rating, string? Comment);

    [JsonRequestBody(typeof(CallRequest))]
    [Function("RegisterCall")]
    public Task<IResult> Register(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "calls")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        http.RunAsync(request, Access.Applicant, user => RegisterAsync(request, user, request.HttpContext.RequestAborted));

    [Function("GetCall")]
    public Task<IResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "calls/{id}")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient client) =>
        http.RunAsync(request, Access.Authenticated, async user =>
        {
            var view = await commands.GetAsync(id, request.HttpContext.RequestAborted);
            return view is not null && MayRead(user, view) ? Results.Ok(CallResponses.Status(view)) : Problem.NotFound($"呼叫 {id} 不存在 / call {id} does not exist");
        });

    [Function("ListCalls")]
    public Task<IResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "calls")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        http.RunAsync(request, Access.Applicant, async user =>
        {
            if (user.Uscc() is not { } uscc) return Problem.Forbidden("only enterprises list their calls");
            return Results.Ok((await queries.ForEnterpriseAsync(uscc, request.HttpContext.RequestAborted)).Select(CallResponses.Line));
        });

    [JsonRequestBody(typeof(RatingBody))]
    [Function("RateCall")]
    public Task<IResult> Rate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "calls/{id}/rating")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient client) =>
        http.RunAsync<RatingBody>(request, Access.Applicant, async (user, body) =>
        {
            if (user.Uscc() is not { } uscc) return Problem.Forbidden("only the enterprise rates its call");
            var problems = new ValidationProblem();
            if (body.Rating is not ("satisfied" or "unsatisfied")) problems.Add("rating", "请选择 satisfied 或 unsatisfied / rating must be satisfied or unsatisfied.");
            if (body.Rating == "unsatisfied" && string.IsNullOrWhiteSpace(body.Comment)) problems.Add("comment", "不满意请说明原因 / say why the answer is unsatisfactory.");
            if (body.Comment is { Length: > CallCommands.MaxCommentLength }) problems.Add("comment", $"最多 {CallCommands.MaxCommentLength} 字 / at most {CallCommands.MaxCommentLength} characters.");
            if (problems.HasErrors) return problems.ToResult();
            return (await commands.RateAsync(id, uscc, body.Rating!, body.Comment, request.HttpContext.RequestAborted)).ToHttp();
        });

    private static bool MayRead(ClaimsPrincipal user, CallStatusView view) =>
        user.MayRead(view.Uscc) || view.UnitsEver.Any(user.IsDepartment);

    private async Task<IResult> RegisterAsync(HttpRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.Uscc() is not { } uscc) return Problem.Forbidden("only enterprises register calls");
        return await starts.StartFromBodyAsync<CallRequest>(request, Scope, uscc, CallQueries.IdPrefix, MaxBodyBytes,
            (callId, call) =>
            {
                var planned = planner.Plan(callId, uscc, call, time.GetUtcNow());
                return Task.FromResult(PlannedCase.Of(planned.Plan, planned.Errors));
            },
            CallOrchestrator.Name, Accepted, "呼叫有误 / The call has problems.", ct);
    }

    private static IResult Accepted(string callId)
    {
        var uri = $"/api/calls/{callId}";
        return Results.Accepted(uri, new { callId, statusUri = uri });
    }
}
