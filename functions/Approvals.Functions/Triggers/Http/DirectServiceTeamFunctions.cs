using Approvals.DirectService;
using Approvals.Functions.Http;
using Approvals.Functions.Identity;
using Approvals.Functions.Problems;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Approvals.Functions.Triggers.Http;

/// <summary>
/// 审批服务直通车 for the centre and the teams (role Department): first contact with the team assigned, the record of a
/// visit (accepted, approved on site with the authority used, back to the hall, extreme gap acceptance, plan nodes
/// ticked off), a department's bookings, and the supervisor's board of open bookings.
/// </summary>
public sealed class DirectServiceTeamFunctions(HttpCall http, DirectServiceCommands commands, DirectServiceQueries queries, DirectServicePolicy policy)
{
    public sealed record ContactBody(string? Team, string? ContactedBy, string? Note);

    [JsonRequestBody(typeof(ContactBody))]
    [Function("ContactDirectServiceBooking")]
    public Task<IResult> Contact(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "direct-service/bookings/{id}/contact")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient client) =>
        http.RunAsync<ContactBody>(request, Access.Department, async (user, body) =>
        {
            var problems = new ValidationProblem();
            if (policy.Team(body.Team ?? "") is null) problems.Add("team", $"team must be one of {string.Join(", ", policy.Teams.Select(t => t.Code))}.");
            if (body.Note is { Length: > DirectServiceCommands.MaxNoteLength }) problems.Add("note", $"最多 {DirectServiceCommands.MaxNoteLength} 字 / at most {DirectServiceCommands.MaxNoteLength} characters.");
            if (problems.HasErrors) return problems.ToResult();
            var by = string.IsNullOrWhiteSpace(body.ContactedBy) ? user.Identity?.Name ?? policy.Centre.Code : body.ContactedBy.Trim();
            return (await commands.ContactAsync(id, user.Department()!, body.Team!, by, body.Note, request.HttpContext.RequestAborted)).ToHttp();
        });

    [JsonRequestBody(typeof(VisitRequest))]
    [Function("RecordDirectServiceVisit")]
    public Task<IResult> Visit(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "direct-service/bookings/{id}/visits")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient client) =>
        http.RunAsync<VisitRequest>(request, Access.Department, async (user, body) =>
        {
            var (result, errors) = await commands.RecordVisitAsync(id, user.Department()!, user.Identity?.Name ?? user.Department()!, body, request.HttpContext.RequestAborted);
            return errors is not null
                ? Results.ValidationProblem(errors, title: "上门记录有误 / The visit has problems.", type: "https://approvals.example/problems/validation")
                : result.ToHttp();
        });

    [Function("DepartmentDirectService")]
    public Task<IResult> ForDepartment(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "departments/{dept}/direct-service")] HttpRequest request, string dept,
        [DurableClient] DurableTaskClient client) =>
        http.RunAsync(request, Access.Department, async user =>
        {
            if (!user.IsDepartment(dept)) return Problem.Forbidden($"{dept} 的预约不属于您 / the bookings of {dept} are not yours");
            var isCentre = string.Equals(dept, policy.Centre.Code, StringComparison.OrdinalIgnoreCase);
            return Results.Ok((await queries.ForDepartmentAsync(dept, isCentre, request.HttpContext.RequestAborted)).Select(DirectServiceResponses.Line));
        });

    [Function("SupervisionDirectService")]
    public Task<IResult> Board(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "supervision/direct-service")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        http.RunAsync(request, Access.Supervisor, async _ =>
            Results.Ok((await queries.BoardAsync(request.HttpContext.RequestAborted)).Select(DirectServiceResponses.Line)));
}
