using System.Security.Claims;
using Approvals.Functions.Identity;
using Approvals.Functions.Problems;
using Approvals.JointAcceptance;

namespace Approvals.Functions.Endpoints;

/// <summary>
/// Joint completion acceptance (竣工联合验收) calls beyond api.md's tables: departments record site findings, give
/// acceptance opinions and answer certificate numbers; the applicant reports its rectification.
/// </summary>
public static class JointAcceptanceEndpoints
{
    public sealed record FindingsBody(string? ApplicationId, string? Findings);

    public sealed record OpinionBody(string? ApplicationId, string? Item, string? Result, string? Opinion, IReadOnlyList<string>? Rectifications);

    public sealed record CertificateBody(string? ApplicationId, string? Step, string? Number);

    public sealed record RectifiedBody(string? Note);

    public static void MapJointAcceptance(this IEndpointRouteBuilder app)
    {
        var departments = app.MapGroup("/api/departments/{dept}").WithTags("Joint acceptance").RequireAuthorization(Roles.Department);

        departments.MapPost("/site-findings", async (string dept, FindingsBody body, ClaimsPrincipal user, JointAcceptanceCommands commands, CancellationToken ct) =>
        {
            if (!user.IsDepartment(dept)) return Problem.Forbidden($"you cannot record findings for {dept}");
            var problems = new ValidationProblem();
            if (string.IsNullOrWhiteSpace(body.ApplicationId)) problems.Add("applicationId", "applicationId is required.");
            if (string.IsNullOrWhiteSpace(body.Findings)) problems.Add("findings", "findings are required.");
            if (problems.HasErrors) return problems.ToResult();
            return (await commands.RecordFindingsAsync(body.ApplicationId!, body.Findings!, dept.ToUpperInvariant(), ct)).ToHttp();
        });

        departments.MapPost("/acceptance-opinions", async (string dept, OpinionBody body, ClaimsPrincipal user, JointAcceptanceCommands commands, TimeProvider time, CancellationToken ct) =>
        {
            if (!user.IsDepartment(dept)) return Problem.Forbidden($"you cannot give opinions for {dept}");
            var problems = new ValidationProblem();
            if (string.IsNullOrWhiteSpace(body.ApplicationId)) problems.Add("applicationId", "applicationId is required.");
            if (string.IsNullOrWhiteSpace(body.Item)) problems.Add("item", "item is required.");
            if (body.Result is not ("pass" or "fail")) problems.Add("result", "result must be pass or fail.");
            if (body.Result == "fail" && body.Rectifications is not { Count: > 0 }) problems.Add("rectifications", "a failed item needs at least one rectification item (整改意见).");
            if (problems.HasErrors) return problems.ToResult();
            var opinion = new DepartmentAcceptanceOpinion(dept.ToUpperInvariant(), body.Item!, body.Result!, body.Opinion, body.Rectifications ?? [], time.GetUtcNow());
            return (await commands.GiveOpinionAsync(body.ApplicationId!, opinion, dept.ToUpperInvariant(), ct)).ToHttp();
        });

        departments.MapPost("/certificates", async (string dept, CertificateBody body, ClaimsPrincipal user, JointAcceptanceCommands commands, CancellationToken ct) =>
        {
            if (!user.IsDepartment(dept)) return Problem.Forbidden($"you cannot answer for {dept}");
            var problems = new ValidationProblem();
            if (string.IsNullOrWhiteSpace(body.ApplicationId)) problems.Add("applicationId", "applicationId is required.");
            if (body.Step is not (AcceptanceSteps.ArchiveCertificate or AcceptanceSteps.FirstRegistration))
            {
                problems.Add("step", $"step must be {AcceptanceSteps.ArchiveCertificate} or {AcceptanceSteps.FirstRegistration}.");
            }
            if (string.IsNullOrWhiteSpace(body.Number)) problems.Add("number", "number is required.");
            if (problems.HasErrors) return problems.ToResult();
            return (await commands.AnswerCertificateAsync(body.ApplicationId!, body.Step!, body.Number!, dept.ToUpperInvariant(), ct)).ToHttp();
        });

        app.MapPost("/api/applications/{id}/rectification", async (string id, RectifiedBody body, ClaimsPrincipal user, JointAcceptanceCommands commands, CancellationToken ct) =>
        {
            if (user.Uscc() is not { } uscc) return Problem.Forbidden("only the applicant reports its rectification");
            return (await commands.ReportRectifiedAsync(id, body.Note, uscc, ct)).ToHttp();
        }).WithTags("Joint acceptance").RequireAuthorization(Roles.Applicant);
    }
}
