using Approvals.JointAcceptance;
using System.Security.Claims;
using Approvals.Applications;
using Approvals.Functions.Identity;
using Approvals.Functions.Problems;

namespace Approvals.Functions.Endpoints;

/// <summary>Departments (api.md): their inbox, decisions on their items, and commitment inspections.</summary>
public static class DepartmentEndpoints
{
    public sealed record DecisionBody(string? MessageId, string? ApplicationId, string? Department, string? Item, string? Decision, string? Opinion, string? Reviewer, DateTimeOffset? DecidedAt);

    public sealed record InspectionBody(string? ApplicationId, string? CommitmentId, string? Result, string? Findings);

    public static void MapDepartments(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/departments/{dept}").WithTags("Departments").RequireAuthorization(Roles.Department);

        group.MapGet("/tasks", async (string dept, string? state, ClaimsPrincipal user, ApplicationQueries queries, CancellationToken ct) =>
        {
            if (!user.IsDepartment(dept)) return Problem.Forbidden($"the inbox of {dept} is not yours");
            var inbox = await queries.InboxAsync(dept, state, ct);
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

        group.MapPost("/decisions", async (string dept, DecisionBody body, ClaimsPrincipal user, ApplicationCommands commands, TimeProvider time, CancellationToken ct) =>
        {
            if (!user.IsDepartment(dept)) return Problem.Forbidden($"you cannot decide for {dept}");
            var problems = new ValidationProblem();
            if (string.IsNullOrWhiteSpace(body.ApplicationId)) problems.Add("applicationId", "applicationId is required.");
            if (string.IsNullOrWhiteSpace(body.Item)) problems.Add("item", "item is required.");
            if (body.Decision is not ("approve" or "reject" or "corrections")) problems.Add("decision", "decision must be approve, reject or corrections.");
            if (body.Department is { Length: > 0 } named && !string.Equals(named, dept, StringComparison.OrdinalIgnoreCase)) problems.Add("department", $"department must be {dept} (the path) or omitted.");
            if (problems.HasErrors) return problems.ToResult();
            var decision = new DepartmentDecision(body.MessageId, dept.ToUpperInvariant(), body.Item!, body.Decision!, body.Opinion,
                body.Reviewer ?? user.Identity?.Name, body.DecidedAt ?? time.GetUtcNow());
            return (await commands.DecideAsync(body.ApplicationId!, decision, dept, ct)).ToHttp();
        });

        group.MapPost("/inspections", async (string dept, InspectionBody body, ClaimsPrincipal user, ApplicationCommands commands, JointAcceptanceCommands joint,
            ApplicationQueries queries, TimeProvider time, CancellationToken ct) =>
        {
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
}
