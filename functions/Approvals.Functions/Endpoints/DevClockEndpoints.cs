using DurableTasks.Time;

namespace Approvals.Functions.Endpoints;

/// <summary>Development only: read and move the virtual clock (api.md, "Development only").</summary>
public static class DevClockEndpoints
{
    public sealed record Advance(double? Days, double? Hours);

    public static void MapDevClock(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/dev/clock").WithTags("Development");
        group.MapGet("", (ControllableTimeProvider clock) => Results.Ok(new { now = Shanghai(clock.GetUtcNow()) }));
        group.MapPost("/advance", (Advance body, ControllableTimeProvider clock) =>
        {
            var delta = TimeSpan.FromDays(body.Days ?? 0) + TimeSpan.FromHours(body.Hours ?? 0);
            if (delta <= TimeSpan.Zero || delta > TimeSpan.FromDays(3660))
            {
                return Problems.Problem.BadRequest("Give a positive number of days and/or hours (at most ten years).");
            }
            clock.Advance(delta);
            return Results.Ok(new { now = Shanghai(clock.GetUtcNow()) });
        });
    }

    private static DateTimeOffset Shanghai(DateTimeOffset utc) => utc.ToOffset(TimeSpan.FromHours(8));
}
