using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Approvals.Functions.Identity;
using Approvals.Functions.Problems;
using Approvals.Intake;
using Approvals.Orchestrations;
using Approvals.Stores;
using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Approvals.Functions.Endpoints;

/// <summary>
/// <c>POST /api/applications</c>: intake, then the application's orchestration, answered 202 + Location. The
/// <c>Idempotency-Key</c> makes a retry safe: the same key and body give the same answer, and the application id is
/// derived from the key, so a retry after a crash lands on the same instance.
/// </summary>
public static class SubmissionEndpoints
{
    public const string Scope = "submissions";

    /// <summary>The form itself is small; files are uploaded separately and cited by their SHA-256.</summary>
    public const int MaxBodyBytes = 256 * 1024;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record KeyRecord(string BodySha256, string ApplicationId);

    public static void MapSubmissions(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/applications", SubmitAsync).WithTags("Portal").RequireAuthorization(Roles.Applicant)
            .Accepts<Submission>("application/json");

    private static async Task<IResult> SubmitAsync(HttpContext http, ClaimsPrincipal user, IntakePlanner intake, IKeyedRecords records,
        DurableTaskClient client, TimeProvider time, CancellationToken ct)
    {
        if (user.Uscc() is not { } uscc) return Problem.Forbidden("only applicants submit applications");
        if (!(http.Request.ContentType ?? "").StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return Problem.UnsupportedMediaType("send the submission as application/json");
        }
        var key = http.Request.Headers["Idempotency-Key"].ToString();
        if (key.Length is 0 or > 200) return new ValidationProblem().Add("Idempotency-Key", "the Idempotency-Key header (1–200 characters) is required.").ToResult();

        if (http.Request.ContentLength is > MaxBodyBytes) return Problem.TooLarge($"a submission is at most {MaxBodyBytes} bytes of JSON; materials go to POST /api/materials");
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var buffer = new char[MaxBodyBytes + 1];
        var length = await reader.ReadBlockAsync(buffer, ct);
        if (length > MaxBodyBytes) return Problem.TooLarge($"a submission is at most {MaxBodyBytes} bytes of JSON; materials go to POST /api/materials");
        var body = new string(buffer, 0, length);
        Submission? submission;
        try
        {
            submission = JsonSerializer.Deserialize<Submission>(body, Json);
        }
        catch (JsonException ex)
        {
            return Problem.BadRequest($"The body is not a valid submission: {ex.Message}");
        }
        if (submission is null) return Problem.BadRequest("The body is empty.");

        var bodyHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
        var recordKey = $"{uscc}:{key}";
        if (await records.GetAsync(Scope, recordKey, ct) is { } earlier)
        {
            return Replay(JsonSerializer.Deserialize<KeyRecord>(earlier, Json)!, bodyHash);
        }

        var applicationId = SubmissionIds.ForKey(uscc, key);
        var decision = await intake.PlanAsync(applicationId, submission, uscc, ct);
        if (!decision.Accepted)
        {
            return Results.ValidationProblem(decision.Errors, title: "The submission has problems.", type: "https://approvals.example/problems/validation",
                extensions: new Dictionary<string, object?> { ["riskLevel"] = decision.Risk?.Level, ["creditGrade"] = decision.Credit?.Grade });
        }
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                decision.JointPlan is null ? CommitmentApprovalOrchestrator.Name : JointAcceptanceOrchestrator.Name,
                (object?)decision.JointPlan ?? decision.Plan,
                new StartOrchestrationOptions { InstanceId = applicationId }, ct);
        }
        catch (OrchestrationAlreadyExistsException)
        {
            // A retry after a crash between scheduling and recording the key: the instance stands.
        }
        var (_, stored) = await records.TryAddAsync(Scope, recordKey, JsonSerializer.Serialize(new KeyRecord(bodyHash, applicationId), Json), ct);
        return Replay(JsonSerializer.Deserialize<KeyRecord>(stored, Json)!, bodyHash);
    }

    private static IResult Replay(KeyRecord record, string bodyHash)
    {
        if (record.BodySha256 != bodyHash)
        {
            return Results.Problem("This Idempotency-Key was used with a different body; use a new key for a new submission.",
                statusCode: 422, title: "Idempotency-Key reused", type: "https://approvals.example/problems/idempotency-key-reused");
        }
        var uri = $"/api/applications/{record.ApplicationId}";
        return Results.Accepted(uri, new { applicationId = record.ApplicationId, statusUri = uri });
    }
}
