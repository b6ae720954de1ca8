using Approvals.Functions.Http;
using Approvals.Functions.Identity;
using Approvals.Functions.Problems;
using Approvals.JointAcceptance;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Approvals.Functions.Triggers.Http;

/// <summary>
/// Joint completion acceptance (竣工联合验收) calls beyond api.md's tables: departments record site findings, give
/// acceptance opinions and answer certificate numbers; the applicant reports its rectification.
/// </summary>
public sealed class JointAcceptanceFunctions(HttpCall http, JointAcceptanceCommands commands, TimeProvider time)
{
    public sealed record FindingsBody(string? ApplicationId, string? Findings);

    public sealed record OpinionBody(string? ApplicationId, string? Item, string? Result, string? Opinion, IReadOnlyList<string>? Rectifications);

    public sealed record CertificateBody(string? ApplicationId, string? Step, string? Number);

    public sealed record RectifiedBody(string? Note);

    [JsonRequestBody(typeof(FindingsBody))]
    [Function("RecordSiteFindings")]
    public Task<IResult> SiteFindings(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "departments/{dept}/site-findings")] HttpRequest request, string dept,
        [DurableClient] DurableTaskClient client) =>
        http.RunAsync<FindingsBody>(request, Access.Department, async (user, body) =>
        {
            if (!user.IsDepartment(dept)) return Problem.Forbidden($"you cannot record findings for {dept}");
            var problems = new ValidationProblem();
            if (string.IsNullOrWhiteSpace(body.ApplicationId)) problems.Add("applicationId", "applicationId is required.");
            if (string.IsNullOrWhiteSpace(body.Findings)) problems.Add("findings", "findings are required.");
            if (problems.HasErrors) return problems.ToResult();
            return (await commands.RecordFindingsAsync(body.ApplicationId!, body.Findings!, dept.ToUpperInvariant(), request.HttpContext.RequestAborted)).ToHttp();
        });

    [JsonRequestBody(typeof(OpinionBody))]
    [Function("GiveAcceptanceOpinion")]
    public Task<IResult> Opinion(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "departments/{dept}/acceptance-opinions")] HttpRequest request, string dept,
        [DurableClient] DurableTaskClient client) =>
        http.RunAsync<OpinionBody>(request, Access.Department, async (user, body) =>
        {
            if (!user.IsDepartment(dept)) return Problem.Forbidden($"you cannot give opinions for {dept}");
            var problems = new ValidationProblem();
            if (string.IsNullOrWhiteSpace(body.ApplicationId)) problems.Add("applicationId", "applicationId is required.");
            if (string.IsNullOrWhiteSpace(body.Item)) problems.Add("item", "item is required.");
            if (body.Result is not ("pass" or "fail")) problems.Add("result", "result must be pass or fail.");
            if (body.Result == "fail" && body.Rectifications is not { Count: > 0 }) problems.Add("rectifications", "a failed item needs at least one rectification item (整改意见).");
            if (problems.HasErrors) return problems.ToResult();
            var opinion = new DepartmentAcceptanceOpinion(dept.ToUpperInvariant(), body.Item!, body.Result!, body.Opinion, body.Rectifications ?? [], time.GetUtcNow());
            return (await commands.GiveOpinionAsync(body.ApplicationId!, opinion, dept.ToUpperInvariant(), request.HttpContext.RequestAborted)).ToHttp();
        });

    [JsonRequestBody(typeof(CertificateBody))]
    [Function("AnswerAcceptanceCertificate")]
    public Task<IResult> Certificate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "departments/{dept}/certificates")] HttpRequest request, string dept,
        [DurableClient] DurableTaskClient client) =>
        http.RunAsync<CertificateBody>(request, Access.Department, async (user, body) =>
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
            return (await commands.AnswerCertificateAsync(body.ApplicationId!, body.Step!, body.Number!, dept.ToUpperInvariant(), request.HttpContext.RequestAborted)).ToHttp();
        });

    [JsonRequestBody(typeof(RectifiedBody))]
    [Function("ReportRectification")]
    public Task<IResult> Rectified(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "applications/{id}/rectification")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient client) =>
        http.RunAsync<RectifiedBody>(request, Access.Applicant, async (user, body) =>
        {
            if (user.Uscc() is not { } uscc) return Problem.Forbidden("only the applicant reports its rectification");
            return (await commands.ReportRectifiedAsync(id, body.Note, uscc, request.HttpContext.RequestAborted)).ToHttp();
        });
}
