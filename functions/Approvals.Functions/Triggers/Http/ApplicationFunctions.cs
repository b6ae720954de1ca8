using System.Globalization;
using System.Security.Claims;
using Approvals.Applications;
using Approvals.Functions.Http;
using Approvals.Functions.Identity;
using Approvals.Functions.Problems;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Approvals.Functions.Triggers.Http;

/// <summary>The applicant's side of an application (api.md, "Portal"): status, list, supplying materials, answering a notice.</summary>
public sealed class ApplicationFunctions(HttpCall http, ApplicationCommands commands, ApplicationQueries queries, TimeProvider time)
{
    public sealed record SupplyBody(string? MaterialCode, string? MaterialId);

    public sealed record ResubmissionBody(IReadOnlyList<SupplyBody?>? Materials, string? Note);

    [Function("GetApplication")]
    public Task<IResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "applications/{id}")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient client) =>
        http.RunAsync(request, Access.Authenticated, async user =>
        {
            var view = await commands.GetAsync(id, request.HttpContext.RequestAborted);
            if (view is null || !MayRead(user, view)) return Problem.NotFound($"application {id} does not exist");
            return Results.Ok(ApplicationResponses.Status(view, queries.WorkingDaysUsed(view)));
        });

    [Function("ListApplications")]
    public Task<IResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "applications")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        http.RunAsync(request, Access.Authenticated, async user =>
        {
            if (!user.IsSupervisor() && user.Uscc() is null) return Problem.Forbidden("only applicants and supervisors list applications");
            var query = request.Query;
            var problems = new ValidationProblem();
            var from = Instant(query["from"], "from", problems);
            var to = Instant(query["to"], "to", problems);
            int? pageSize = null;
            if (query["pageSize"].ToString() is { Length: > 0 } sizeText)
            {
                if (int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out var size)) pageSize = size;
                else problems.Add("pageSize", "pageSize must be a whole number from 1 to 200.");
            }
            var continuation = query["continuationToken"].ToString();
            if (continuation.Length > 1024) problems.Add("continuationToken", "continuationToken is not one this API gave out.");
            if (problems.HasErrors) return problems.ToResult();
            var (items, next) = await queries.ListAsync(user.IsSupervisor() ? null : user.Uscc(), NullIfEmpty(query["status"]), from, to,
                Math.Clamp(pageSize ?? 50, 1, 200), NullIfEmpty(continuation), request.HttpContext.RequestAborted);
            return Results.Ok(new { items = items.Select(v => ApplicationResponses.Status(v, queries.WorkingDaysUsed(v))), continuationToken = next });
        });

    [JsonRequestBody(typeof(SupplyBody))]
    [Function("SupplyMaterial")]
    public Task<IResult> Supply(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "applications/{id}/materials")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient client) =>
        http.RunAsync<SupplyBody>(request, Access.Authenticated, async (user, body) =>
        {
            var problems = new ValidationProblem();
            if (string.IsNullOrWhiteSpace(body.MaterialCode)) problems.Add("materialCode", "materialCode is required.");
            if (string.IsNullOrWhiteSpace(body.MaterialId)) problems.Add("materialId", "materialId (the SHA-256 from POST /api/materials) is required.");
            if (problems.HasErrors) return problems.ToResult();
            if (user.Uscc() is not { } uscc) return Problem.Forbidden("only the applicant supplies materials");
            return (await commands.SupplyMaterialAsync(id, new SuppliedMaterial(body.MaterialCode!, body.MaterialId!), uscc, request.HttpContext.RequestAborted)).ToHttp();
        });

    [JsonRequestBody(typeof(ResubmissionBody))]
    [Function("Resubmit")]
    public Task<IResult> Resubmit(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "applications/{id}/resubmission")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient client) =>
        http.RunAsync<ResubmissionBody>(request, Access.Authenticated, async (user, body) =>
        {
            var problems = new ValidationProblem();
            var materials = body.Materials ?? [];
            for (var i = 0; i < materials.Count; i++)
            {
                if (materials[i] is not { } material)
                {
                    problems.Add($"materials[{i}]", "each material is an object {materialCode, materialId}.");
                    continue;
                }
                if (string.IsNullOrWhiteSpace(material.MaterialCode)) problems.Add($"materials[{i}].materialCode", "materialCode is required.");
                if (string.IsNullOrWhiteSpace(material.MaterialId)) problems.Add($"materials[{i}].materialId", "materialId is required.");
            }
            if (problems.HasErrors) return problems.ToResult();
            if (user.Uscc() is not { } uscc) return Problem.Forbidden("only the applicant answers a one-time notice");
            var resubmission = new Resubmission(materials.Select(m => new SuppliedMaterial(m!.MaterialCode!, m.MaterialId!)).ToList(), body.Note, time.GetUtcNow());
            return (await commands.ResubmitAsync(id, resubmission, uscc, request.HttpContext.RequestAborted)).ToHttp();
        });

    /// <summary>The owner and the supervisor read an application; a department reads those it reviews or verifies.</summary>
    public static bool MayRead(ClaimsPrincipal user, ApplicationStatusView view) =>
        user.MayRead(view.Uscc)
        || view.Tasks.Any(t => user.IsDepartment(t.Department))
        || view.Commitments.Any(c => user.IsDepartment(c.VerifyingDepartment));

    private static DateTimeOffset? Instant(Microsoft.Extensions.Primitives.StringValues value, string field, ValidationProblem problems)
    {
        if (value.ToString() is not { Length: > 0 } text) return null;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)) return instant;
        problems.Add(field, $"{field} must be a date or date-time in ISO 8601, e.g. 2026-12-01 or 2026-12-01T09:00:00+08:00.");
        return null;
    }

    private static string? NullIfEmpty(Microsoft.Extensions.Primitives.StringValues value) => value.ToString() is { Length: > 0 } text ? text : null;
}
