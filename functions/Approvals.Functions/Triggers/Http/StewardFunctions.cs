using System.Security.Claims;
using Approvals.Functions.Http;
using Approvals.Functions.Identity;
using Approvals.Functions.Problems;
using Approvals.Stewardship;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Approvals.Functions.Triggers.Http;

/// <summary>
/// 项目管家 and early warning (预警, api.md "The seed systems"): the steward (role Steward, or a Supervisor) sets and replans a key
/// project's nodes, records causes and actions; the node's owner or the steward ticks a node done; the project owner
/// rates the steward; the plan is read by them and the departments with nodes; the supervisor lists the open warnings,
/// the latest first.
/// </summary>
public sealed class StewardFunctions(HttpCall http, StewardPlanner planner, StewardCommands commands, StewardQueries queries, TimeProvider time)
{
    public sealed record DoneBody(DateOnly? DoneOn);

    public sealed record CauseBody(string? Cause, string? Action);

    public sealed record RatingBody(int? Score, string? Comment);

    [JsonRequestBody(typeof(PlanRequest))]
    [Function("PutStewardPlan")]
    public Task<IResult> Put(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "projects/{code}/plan")] HttpRequest request, string code,
        [DurableClient] DurableTaskClient client) =>
        http.RunAsync<PlanRequest>(request, Access.Steward, async (user, body) =>
        {
            var planned = planner.Plan(code, body, time.GetUtcNow());
            if (!planned.Accepted) return Results.ValidationProblem(planned.Errors, title: "服务计划有误 / The plan has problems.", type: "https://approvals.example/problems/validation");
            var (result, started) = await commands.PutAsync(planned.Plan!, request.HttpContext.RequestAborted);
            if (!result.Succeeded) return result.ToHttp();
            var uri = $"/api/projects/{planned.Plan!.ProjectCode}/plan";
            return started ? Results.Created(uri, new { projectCode = planned.Plan.ProjectCode, planUri = uri }) : Results.Accepted(uri, new { projectCode = planned.Plan.ProjectCode, planUri = uri });
        });

    [Function("GetStewardPlan")]
    public Task<IResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "projects/{code}/plan")] HttpRequest request, string code,
        [DurableClient] DurableTaskClient client) =>
        http.RunAsync(request, Access.Authenticated, async user =>
        {
            var plan = await queries.ForProjectAsync(code, request.HttpContext.RequestAborted);
            return plan is not null && MayRead(user, plan) ? Results.Ok(StewardResponses.Plan(plan)) : Problem.NotFound($"项目 {code} 没有服务计划 / project {code} has no steward plan");
        });

    [JsonRequestBody(typeof(DoneBody))]
    [Function("StewardNodeDone")]
    public Task<IResult> Done(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "projects/{code}/plan/nodes/{key}/done")] HttpRequest request, string code, string key,
        [DurableClient] DurableTaskClient client) =>
        http.RunAsync<DoneBody>(request, Access.Authenticated, async (user, body) =>
        {
            if (!user.IsSteward() && user.Department() is null) return Problem.Forbidden("节点由项目管家或责任单位销号 / the steward or the node's owner ticks a node off");
            if (body.DoneOn is null) return new ValidationProblem().Add("doneOn", "请填写完成日期 / doneOn is required.").ToResult();
            return (await commands.DoneAsync(code, key, body.DoneOn.Value, user.Identity?.Name ?? "steward", user.IsSteward(), user.Department(), request.HttpContext.RequestAborted)).ToHttp();
        });

    [JsonRequestBody(typeof(CauseBody))]
    [Function("StewardNodeCause")]
    public Task<IResult> Cause(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "projects/{code}/plan/nodes/{key}/cause")] HttpRequest request, string code, string key,
        [DurableClient] DurableTaskClient client) =>
        http.RunAsync<CauseBody>(request, Access.Steward, async (_, body) =>
        {
            var problems = new ValidationProblem();
            if (string.IsNullOrWhiteSpace(body.Cause) || body.Cause.Length > StewardCommands.MaxTextLength) problems.Add("cause", "请分析原因 / cause is required.");
            if (string.IsNullOrWhiteSpace(body.Action) || body.Action.Length > StewardCommands.MaxTextLength) problems.Add("action", "请说明推动解决的措施 / action is required.");
            if (problems.HasErrors) return problems.ToResult();
            return (await commands.CauseAsync(code, key, body.Cause!, body.Action!, request.HttpContext.RequestAborted)).ToHttp();
        });

    [JsonRequestBody(typeof(RatingBody))]
    [Function("RateSteward")]
    public Task<IResult> Rate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "projects/{code}/plan/rating")] HttpRequest request, string code,
        [DurableClient] DurableTaskClient client) =>
        http.RunAsync<RatingBody>(request, Access.Applicant, async (user, body) =>
        {
            var problems = new ValidationProblem();
            if (body.Score is not (>= 1 and <= 5)) problems.Add("score", "评分为 1 至 5 / score is 1 to 5.");
            if (body.Comment is { Length: > StewardCommands.MaxTextLength }) problems.Add("comment", $"最多 {StewardCommands.MaxTextLength} 字 / at most {StewardCommands.MaxTextLength} characters.");
            if (problems.HasErrors) return problems.ToResult();
            return (await commands.RateAsync(code, user.Uscc()!, body.Score!.Value, body.Comment, request.HttpContext.RequestAborted)).ToHttp();
        });

    [Function("SupervisionWarnings")]
    public Task<IResult> Warnings(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "supervision/warnings")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        http.RunAsync(request, Access.Supervisor, async _ =>
            Results.Ok((await queries.WarningsAsync(request.HttpContext.RequestAborted)).Select(StewardResponses.Line)));

    private static bool MayRead(ClaimsPrincipal user, StewardPlanView plan) =>
        user.MayRead(plan.Uscc) || user.IsSteward() || user.IsDepartment(plan.LeadDepartment.Code) || plan.Nodes.Any(n => user.IsDepartment(n.Owner));
}
