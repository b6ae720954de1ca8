using DurableTasks.Time;

namespace Approvals.Functions.Endpoints;

/// <summary>Development only: read and move the virtual clock (api.md, "Development only").</summary>
public static class DevClockEndpoints
{
    public sealed record Advance(double? Days, double? Hours);

    public static void MapDevClock(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/dev/clock").WithTags("Development");
        group.MapGet("", (VirtualClock clock) => Results.Ok(new { now = Shanghai(clock.UtcNow) }));
        group.MapPost("/advance", async (Advance body, VirtualClock clock, CancellationToken ct) =>
        {
            var delta = TimeSpan.FromDays(body.Days ?? 0) + TimeSpan.FromHours(body.Hours ?? 0);
            if (delta <= TimeSpan.Zero || delta > TimeSpan.FromDays(3660))
            {
                return Problems.Problem.BadRequest("Give a positive number of days and/or hours (at most ten years).");
            }
            // Steps through every durable timer due on the way, each firing on its own date, and returns once the engine
            // has drained at the target.
            await clock.AdvanceAsync(delta, ct);
            return Results.Ok(new { now = Shanghai(clock.UtcNow) });
        });
    }

    private static DateTimeOffset Shanghai(DateTimeOffset utc) => utc.ToOffset(TimeSpan.FromHours(8));
}
