using System.Security.Claims;
using Approvals.Applications;
using Approvals.Functions.Identity;
using Approvals.Functions.Problems;

namespace Approvals.Functions.Endpoints;

/// <summary>The applicant's side of an application (api.md, "Portal"): status, list, supplying materials, answering a notice.</summary>
public static class ApplicationEndpoints
{
    public sealed record SupplyBody(string? MaterialCode, string? MaterialId);

    public sealed record ResubmissionBody(IReadOnlyList<SupplyBody>? Materials, string? Note);

    public static void MapApplications(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/applications").WithTags("Portal").RequireAuthorization("Authenticated");

        group.MapGet("/{id}", async (string id, ClaimsPrincipal user, ApplicationCommands commands, ApplicationQueries queries, CancellationToken ct) =>
        {
            var view = await commands.GetAsync(id, ct);
            if (view is null || !MayRead(user, view)) return Problem.NotFound($"application {id} does not exist");
            return Results.Ok(ApplicationResponses.Status(view, queries.WorkingDaysUsed(view)));
        });

        group.MapGet("", async (string? status, DateTimeOffset? from, DateTimeOffset? to, int? pageSize, string? continuationToken,
            ClaimsPrincipal user, ApplicationQueries queries, CancellationToken ct) =>
        {
            if (!user.IsSupervisor() && user.Uscc() is null) return Problem.Forbidden("only applicants and supervisors list applications");
            var size = Math.Clamp(pageSize ?? 50, 1, 200);
            var (items, next) = await queries.ListAsync(user.IsSupervisor() ? null : user.Uscc(), status, from, to, size, continuationToken, ct);
            return Results.Ok(new { items = items.Select(v => ApplicationResponses.Status(v, queries.WorkingDaysUsed(v))), continuationToken = next });
        });

        group.MapPost("/{id}/materials", async (string id, SupplyBody body, ClaimsPrincipal user, ApplicationCommands commands, CancellationToken ct) =>
        {
            var problems = new ValidationProblem();
            if (string.IsNullOrWhiteSpace(body.MaterialCode)) problems.Add("materialCode", "materialCode is required.");
            if (string.IsNullOrWhiteSpace(body.MaterialId)) problems.Add("materialId", "materialId (the SHA-256 from POST /api/materials) is required.");
            if (problems.HasErrors) return problems.ToResult();
            if (user.Uscc() is not { } uscc) return Problem.Forbidden("only the applicant supplies materials");
            return (await commands.SupplyMaterialAsync(id, new SuppliedMaterial(body.MaterialCode!, body.MaterialId!), uscc, ct)).ToHttp();
        });

        group.MapPost("/{id}/resubmission", async (string id, ResubmissionBody body, ClaimsPrincipal user, ApplicationCommands commands, TimeProvider time, CancellationToken ct) =>
        {
            var problems = new ValidationProblem();
            var materials = body.Materials ?? [];
            for (var i = 0; i < materials.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(materials[i].MaterialCode)) problems.Add($"materials[{i}].materialCode", "materialCode is required.");
                if (string.IsNullOrWhiteSpace(materials[i].MaterialId)) problems.Add($"materials[{i}].materialId", "materialId is required.");
            }
            if (problems.HasErrors) return problems.ToResult();
            if (user.Uscc() is not { } uscc) return Problem.Forbidden("only the applicant answers a one-time notice");
            var resubmission = new Resubmission(materials.Select(m => new SuppliedMaterial(m.MaterialCode!, m.MaterialId!)).ToList(), body.Note, time.GetUtcNow());
            return (await commands.ResubmitAsync(id, resubmission, uscc, ct)).ToHttp();
        });
    }

    /// <summary>The owner and the supervisor read an application; a department reads those it reviews or verifies.</summary>
    public static bool MayRead(ClaimsPrincipal user, ApplicationStatusView view) =>
        user.MayRead(view.Uscc)
        || view.Tasks.Any(t => user.IsDepartment(t.Department))
        || view.Commitments.Any(c => user.IsDepartment(c.VerifyingDepartment));
}
