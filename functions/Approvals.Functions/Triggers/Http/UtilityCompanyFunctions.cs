using Approvals.Functions.Http;
using Approvals.Functions.Identity;
using Approvals.Functions.Problems;
using Approvals.Utilities;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Approvals.Functions.Triggers.Http;

/// <summary>
/// 联合报装 for the utility companies (role Department, <c>dept</c> = the utility's code) and the supervisor: a utility's
/// step (surveyed, complete with the fee, connected), its open cases with deadlines and lights, and every open case.
/// </summary>
public sealed class UtilityCompanyFunctions(HttpCall http, UtilityCommands commands, UtilityQueries queries)
{
    public sealed record AnswerBody(string? Step, string? Note, IReadOnlyList<string>? Attendees, decimal? Fee);

    [JsonRequestBody(typeof(AnswerBody))]
    [Function("AnswerUtilityApplication")]
    public Task<IResult> Answer(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "utilities/applications/{id}/answers")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient client) =>
        http.RunAsync<AnswerBody>(request, Access.Department, async (user, body) =>
        {
            if (user.Department() is not { } utility) return Problem.Forbidden("only a utility company records its steps");
            var problems = new ValidationProblem();
            if (body.Step is not { } step || !UtilitySignals.Steps.Contains(step)) problems.Add("step", $"须为 {string.Join("、", UtilitySignals.Steps)} 之一 / step must be one of {string.Join(", ", UtilitySignals.Steps)}.");
            if (body.Note is { Length: > UtilityCommands.MaxNoteLength }) problems.Add("note", $"最多 {UtilityCommands.MaxNoteLength} 字 / at most {UtilityCommands.MaxNoteLength} characters.");
            if (body.Attendees is { } people && (people.Count > UtilityCommands.MaxAttendees || people.Any(p => string.IsNullOrWhiteSpace(p) || p.Length > 50)))
            {
                problems.Add("attendees", $"最多 {UtilityCommands.MaxAttendees} 人，每人姓名不超过 50 字 / at most {UtilityCommands.MaxAttendees} names of at most 50 characters.");
            }
            if (body.Fee is < 0) problems.Add("fee", "收费不能为负 / fee cannot be negative.");
            if (body.Step == UtilitySignals.Complete && body.Fee is null) problems.Add("fee", "申请完整时须登记收费（无收费填 0） / record the fee when the application is complete (0 when none).");
            if (body.Step != UtilitySignals.Complete && body.Fee is not null) problems.Add("fee", "仅在 complete 步骤登记收费 / the fee is recorded with the complete step only.");
            if (problems.HasErrors) return problems.ToResult();
            return (await commands.AnswerAsync(id, utility, body.Step!, body.Note, body.Attendees, body.Fee, request.HttpContext.RequestAborted)).ToHttp();
        });

    [Function("DepartmentUtilities")]
    public Task<IResult> ForUtility(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "departments/{dept}/utilities")] HttpRequest request, string dept,
        [DurableClient] DurableTaskClient client) =>
        http.RunAsync(request, Access.Department, async user =>
        {
            if (!user.IsDepartment(dept)) return Problem.Forbidden($"{dept} 的报装不属于您 / the applications of {dept} are not yours");
            return Results.Ok((await queries.ForUtilityAsync(dept, request.HttpContext.RequestAborted)).Select(o => new
            {
                caseId = o.Case.CaseId,
                projectCode = o.Case.ProjectCode,
                projectName = o.Case.ProjectName,
                track = UtilityResponses.Track(o.Track),
            }));
        });

    [Function("SupervisionUtilities")]
    public Task<IResult> Board(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "supervision/utilities")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        http.RunAsync(request, Access.Supervisor, async _ =>
            Results.Ok((await queries.BoardAsync(request.HttpContext.RequestAborted)).Select(UtilityResponses.Line)));
}
