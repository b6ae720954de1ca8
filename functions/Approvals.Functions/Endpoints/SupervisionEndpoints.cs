using Approvals.Applications;
using Approvals.Functions.Identity;

namespace Approvals.Functions.Endpoints;

/// <summary>The supervisor's board (api.md, "Supervisor"): every open task and verification with its light, red first.</summary>
public static class SupervisionEndpoints
{
    public static void MapSupervision(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Supervisor").RequireAuthorization(Roles.Supervisor);
        group.MapGet("/supervision/lights", async (ApplicationQueries queries, CancellationToken ct) =>
            Results.Ok((await queries.LightsAsync(ct)).Select(l => new
            {
                applicationId = l.ApplicationId,
                department = l.Department,
                subject = l.Subject,
                kind = l.Kind,
                dueAt = l.DueAt is { } due ? ApplicationResponses.Local(due) : (DateTimeOffset?)null,
                light = l.Light,
            })));
    }
}
