using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Approvals.Applications;
using Approvals.Functions.Http;
using Approvals.Functions.Identity;
using Approvals.Functions.Problems;
using Approvals.Intake;
using Approvals.Orchestrations;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Approvals.Functions.Triggers.Http;

/// <summary>
/// <c>POST /api/applications</c>: intake, then the application's orchestration, answered 202 + Location. The
/// <c>Idempotency-Key</c> makes a retry safe: the same key and body give the same answer, and the application id is
/// derived from the applicant and the key alone, so a retry after a crash or after midnight lands on the same instance.
/// </summary>
public sealed class SubmissionFunctions(HttpCall http, IntakePlanner intake, KeyedStarts starts, ProjectApplications projects)
{
    public const string Scope = "submissions";

    /// <summary>The form itself is small; files are uploaded separately and cited by their SHA-256.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    public const int MaxKeyLength = 200;

    [JsonRequestBody(typeof(Submission))]
    [Function("SubmitApplication")]
    public Task<IResult> Submit(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "applications")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        http.RunAsync(request, Access.Applicant, user => SubmitAsync(request, user, request.HttpContext.RequestAborted));

    private async Task<IResult> SubmitAsync(HttpRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.Uscc() is not { } uscc) return Problem.Forbidden("only applicants submit applications");
        var (body, unreadable) = await JsonBody.ReadTextAsync(request, MaxBodyBytes, ct);
        if (unreadable is not null) return unreadable;
        var (submission, malformed) = JsonBody.Parse<Submission>(body!);
        if (malformed is not null) return malformed;

        var key = request.Headers["Idempotency-Key"].ToString();
        var keyProblem = key.Length is 0 or > MaxKeyLength || key.Any(char.IsControl)
            ? $"the Idempotency-Key header (1–{MaxKeyLength} printable characters) is required."
            : null;
        var recordKey = $"{uscc}:{key}";
        var bodyHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body!)));
        if (keyProblem is null && await starts.ReplayAsync(Scope, recordKey, bodyHash, Accepted, ct) is { } earlier) return earlier;

        var applicationId = SubmissionIds.ForKey(uscc, key);
        var decision = await intake.PlanAsync(applicationId, submission!, uscc, ct);
        if (decision.Conflict is { } conflict && keyProblem is null) return Problem.Conflict(conflict);
        if (!decision.Accepted || keyProblem is not null)
        {
            // Every problem at once: the header's among the body's.
            var errors = new Dictionary<string, string[]>(decision.Errors);
            if (keyProblem is not null) errors["Idempotency-Key"] = [keyProblem];
            return Results.ValidationProblem(errors, title: "The submission has problems.", type: "https://approvals.example/problems/validation",
                extensions: new Dictionary<string, object?> { ["riskLevel"] = decision.Risk?.Level, ["creditGrade"] = decision.Credit?.Grade });
        }
        // Indexed before it is scheduled, so the project's next submission finds it whatever happens between the two.
        await projects.AddAsync(submission!.Project!.Code!, applicationId, ct);
        return await starts.StartAsync(Scope, recordKey, bodyHash, applicationId,
            decision.JointPlan is null ? CommitmentApprovalOrchestrator.Name : JointAcceptanceOrchestrator.Name,
            (object?)decision.JointPlan ?? decision.Plan!, Accepted, ct);
    }

    private static IResult Accepted(string applicationId)
    {
        var uri = $"/api/applications/{applicationId}";
        return Results.Accepted(uri, new { applicationId, statusUri = uri });
    }
}
