using Approvals.Functions.Http;
using Approvals.Functions.Identity;
using Approvals.Functions.Problems;
using Approvals.LandToStart;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Approvals.Functions.Triggers.Http;

/// <summary>
/// 拿地即开工 for the departments (role Department) and the supervisor: a pre-land step done, a simulated (模拟) opinion
/// before the contract or a formal one for a document reviewed again, a department's open cases, and every open case.
/// </summary>
public sealed class LandToStartDepartmentFunctions(HttpCall http, LandToStartCommands commands, LandToStartQueries queries)
{
    public sealed record OpinionBody(string? Step, string? Document, string? Result, string? Opinion, string? Note);

    [JsonRequestBody(typeof(OpinionBody))]
    [Function("LandToStartOpinion")]
    public Task<IResult> Opinion(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "land-to-start/{id}/opinions")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient client) =>
        http.RunAsync<OpinionBody>(request, Access.Department, async (user, body) =>
        {
            var problems = new ValidationProblem();
            if ((body.Step is null) == (body.Document is null)) problems.Add("step", "请指明 step（拿地前步骤）或 document（四证之一）之一 / name either a step or a document.");
            if (body.Document is not null)
            {
                if (body.Result is not ("pass" or "fail")) problems.Add("result", "须为 pass 或 fail / result must be pass or fail.");
                if (string.IsNullOrWhiteSpace(body.Opinion) || body.Opinion.Length > LandToStartCommands.MaxOpinionLength) problems.Add("opinion", $"请填写意见（最多 {LandToStartCommands.MaxOpinionLength} 字） / opinion is required.");
            }
            if (body.Note is { Length: > LandToStartCommands.MaxOpinionLength }) problems.Add("note", $"最多 {LandToStartCommands.MaxOpinionLength} 字 / at most {LandToStartCommands.MaxOpinionLength} characters.");
            if (problems.HasErrors) return problems.ToResult();
            var ct = request.HttpContext.RequestAborted;
            var department = user.Department()!;
            return (body.Step is { } step
                ? await commands.CompleteStepAsync(id, department, step, body.Note, ct)
                : await commands.GiveOpinionAsync(id, department, body.Document!, body.Result!, body.Opinion!, ct)).ToHttp();
        });

    [Function("DepartmentLandToStart")]
    public Task<IResult> ForDepartment(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "departments/{dept}/land-to-start")] HttpRequest request, string dept,
        [DurableClient] DurableTaskClient client) =>
        http.RunAsync(request, Access.Department, async user =>
        {
            if (!user.IsDepartment(dept)) return Problem.Forbidden($"{dept} 的事项不属于您 / the cases of {dept} are not yours");
            return Results.Ok((await queries.ForDepartmentAsync(dept, request.HttpContext.RequestAborted)).Select(LandToStartResponses.Line));
        });

    [Function("SupervisionLandToStart")]
    public Task<IResult> Board(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "supervision/land-to-start")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        http.RunAsync(request, Access.Supervisor, async _ =>
            Results.Ok((await queries.BoardAsync(request.HttpContext.RequestAborted)).Select(LandToStartResponses.Line)));
}
