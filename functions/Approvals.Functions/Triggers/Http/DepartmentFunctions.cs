using Approvals.Applications;
using Approvals.Functions.Http;
using Approvals.Functions.Identity;
using Approvals.Functions.Problems;
using Approvals.JointAcceptance;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Approvals.Functions.Triggers.Http;

/// <summary>Departments (api.md): their inbox, decisions on their items, and commitment inspections.</summary>
public sealed class DepartmentFunctions(HttpCall http, ApplicationCommands commands, ApplicationQueries queries, JointAcceptanceCommands joint, TimeProvider time)
{
    /// <summary>The queue message's fields, plus the optional <c>round</c> the decision is for (the task's round in the status).</summary>
    public sealed record DecisionBody(string? MessageId, string? ApplicationId, string? Department, string? Item, string? Decision, string? Opinion, string? Reviewer, DateTimeOffset? DecidedAt, int? Round = null);

    public sealed record InspectionBody(string? ApplicationId, string? CommitmentId, string? Result, string? Findings);

    [Function("DepartmentTasks")]
    public Task<IResult> Tasks(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "departments/{dept}/tasks")] HttpRequest request, string dept,
        [DurableClient] DurableTaskClient client) =>
        http.RunAsync(request, Access.Department, async user =>
        {
            if (!user.IsDepartment(dept)) return Problem.Forbidden($"the inbox of {dept} is not yours");
            var state = request.Query["state"].ToString();
            var inbox = await queries.InboxAsync(dept, state.Length > 0 ? state : null, request.HttpContext.RequestAborted);
            return Results.Ok(inbox.Select(e => new
            {
                applicationId = e.ApplicationId,
                projectCode = e.ProjectCode,
                kind = e.Kind,
                item = e.Item,
                commitmentId = e.CommitmentId,
                state = e.State,
                dueAt = e.DueAt is { } due ? ApplicationResponses.Local(due) : (DateTimeOffset?)null,
                light = e.Light,
            }));
        });

    [JsonRequestBody(typeof(DecisionBody))]
    [Function("Decide")]
    public Task<IResult> Decide(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "departments/{dept}/decisions")] HttpRequest request, string dept,
        [DurableClient] DurableTaskClient client) =>
        http.RunAsync<DecisionBody>(request, Access.Department, async (user, body) =>
        {
            if (!user.IsDepartment(dept)) return Problem.Forbidden($"you cannot decide for {dept}");
            var problems = new ValidationProblem();
            if (string.IsNullOrWhiteSpace(body.ApplicationId)) problems.Add("applicationId", "applicationId is required.");
            if (string.IsNullOrWhiteSpace(body.Item)) problems.Add("item", "item is required.");
            if (body.Decision is not ("approve" or "reject" or "corrections")) problems.Add("decision", "decision must be approve, reject or corrections.");
            if (body.Department is { Length: > 0 } named && !string.Equals(named, dept, StringComparison.OrdinalIgnoreCase)) problems.Add("department", $"department must be {dept} (the path) or omitted.");
            if (body.Round is < 1) problems.Add("round", "round 从 1 开始 / round starts at 1 (the task's round in the application's status).");
            if (problems.HasErrors) return problems.ToResult();
            var decision = new DepartmentDecision(body.MessageId, dept.ToUpperInvariant(), body.Item!, body.Decision!, body.Opinion,
                body.Reviewer ?? user.Identity?.Name, body.DecidedAt ?? time.GetUtcNow());
            return (await commands.DecideAsync(body.ApplicationId!, decision, dept, request.HttpContext.RequestAborted, body.Round)).ToHttp();
        });

    [JsonRequestBody(typeof(InspectionBody))]
    [Function("Inspect")]
    public Task<IResult> Inspect(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "departments/{dept}/inspections")] HttpRequest request, string dept,
        [DurableClient] DurableTaskClient client) =>
        http.RunAsync<InspectionBody>(request, Access.Department, async (user, body) =>
        {
            var ct = request.HttpContext.RequestAborted;
            if (!user.IsDepartment(dept)) return Problem.Forbidden($"you cannot inspect for {dept}");
            var problems = new ValidationProblem();
            if (string.IsNullOrWhiteSpace(body.CommitmentId)) problems.Add("commitmentId", "commitmentId is required.");
            if (body.Result is not ("pass" or "fail" or "false")) problems.Add("result", "result must be pass, fail or false.");
            if (problems.HasErrors) return problems.ToResult();
            var applicationId = body.ApplicationId;
            if (string.IsNullOrWhiteSpace(applicationId))
            {
                // api.md's body names only the commitment: find the application whose commitment it is in the department's inbox.
                applicationId = (await queries.InboxAsync(dept, null, ct)).FirstOrDefault(e => e.CommitmentId == body.CommitmentId)?.ApplicationId;
                if (applicationId is null) return Problem.NotFound($"no open commitment {body.CommitmentId} awaits {dept}");
            }
            var result = new InspectionResult(body.CommitmentId!, body.Result!, body.Findings, dept.ToUpperInvariant(), time.GetUtcNow());
            var outcome = await commands.InspectAsync(applicationId, result, dept, ct);
            if (outcome.Outcome == CommandOutcome.NotFound)
            {
                // A joint acceptance verifying an earlier approval's commitment in full (全面核验): the commitment is the
                // earlier application's, the result is the acceptance's.
                var full = await joint.VerifyEarlierCommitmentAsync(applicationId, result, dept, ct);
                if (full.Outcome != CommandOutcome.NotFound) outcome = full;
            }
            return outcome.ToHttp();
        });
}
