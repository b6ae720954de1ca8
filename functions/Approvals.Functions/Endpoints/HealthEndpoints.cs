using DurableTasks.Backends;

namespace Approvals.Functions.Endpoints;

/// <summary><c>GET /api/health</c>: 200 when the engine and the stores answer, 503 naming the one that does not.</summary>
public static class HealthEndpoints
{
    public static void MapHealth(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/health", async (IOrchestrationStore engine, IEnumerable<IHealthProbe> probes, CancellationToken cancellation) =>
        {
            var checks = new Dictionary<string, string>(StringComparer.Ordinal);
            var healthy = true;
            try
            {
                // A point read: cheap on every backend (the backlog count scans whole tables on Azure Storage).
                await engine.GetInstanceAsync("health-probe", cancellation);
                checks["engine"] = "ok";
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                healthy = false;
                checks["engine"] = ex.Message;
            }
            foreach (var probe in probes)
            {
                var (ok, detail) = await probe.CheckAsync(cancellation);
                healthy &= ok;
                checks[probe.Name] = detail;
            }
            return Results.Json(new { status = healthy ? "healthy" : "unhealthy", checks }, statusCode: healthy ? 200 : 503);
        }).WithTags("Public").AllowAnonymous();
}

/// <summary>A store or dependency the health endpoint asks.</summary>
public interface IHealthProbe
{
    string Name { get; }

    Task<(bool Ok, string Detail)> CheckAsync(CancellationToken cancellation);
}
