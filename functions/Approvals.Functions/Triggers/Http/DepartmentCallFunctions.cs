using Approvals.Calls;
using Approvals.Functions.Http;
using Approvals.Functions.Identity;
using Approvals.Functions.Problems;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Approvals.Functions.Triggers.Http;

/// <summary>呼叫即回应 for the responsible unit: its assigned calls with deadlines and lights, and its answer (solved or explained).</summary>
public sealed class DepartmentCallFunctions(HttpCall http, CallCommands commands, CallQueries queries)
{
    public sealed record AnswerBody(string? Outcome, string? Text, string? AnsweredBy);

    [Function("DepartmentCalls")]
    public Task<IResult> Calls(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "departments/{dept}/calls")] HttpRequest request, string dept,
        [DurableClient] DurableTaskClient client) =>
        http.RunAsync(request, Access.Department, async user =>
        {
            if (!user.IsDepartment(dept)) return Problem.Forbidden($"{dept} 的呼叫不属于您 / the calls of {dept} are not yours");
            var includeClosed = request.Query["state"].ToString() == "all";
            return Results.Ok((await queries.ForUnitAsync(dept, includeClosed, request.HttpContext.RequestAborted)).Select(CallResponses.Line));
        });

    [JsonRequestBody(typeof(AnswerBody))]
    [Function("AnswerCall")]
    public Task<IResult> Answer(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "departments/{dept}/calls/{id}/answer")] HttpRequest request, string dept, string id,
        [DurableClient] DurableTaskClient client) =>
        http.RunAsync<AnswerBody>(request, Access.Department, async (user, body) =>
        {
            if (!user.IsDepartment(dept)) return Problem.Forbidden($"您不能代 {dept} 答复 / you cannot answer for {dept}");
            var problems = new ValidationProblem();
            if (body.Outcome is not ("solved" or "explained")) problems.Add("outcome", "须为 solved（已解决）或 explained（已解释说明） / outcome must be solved or explained.");
            if (string.IsNullOrWhiteSpace(body.Text)) problems.Add("text", "请填写答复内容 / text is required: the enterprise is shown it.");
            else if (body.Text.Length > CallCommands.MaxTextLength) problems.Add("text", $"最多 {CallCommands.MaxTextLength} 字 / at most {CallCommands.MaxTextLength} characters.");
            if (problems.HasErrors) return problems.ToResult();
            return (await commands.AnswerAsync(id, dept.ToUpperInvariant(), body.Outcome!, body.Text!, body.AnsweredBy ?? user.Identity?.Name, request.HttpContext.RequestAborted)).ToHttp();
        });
}
