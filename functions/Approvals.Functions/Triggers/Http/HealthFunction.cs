using Approvals.Functions.Hosting;
using Approvals.Functions.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Approvals.Functions.Triggers.Http;

/// <summary><c>GET /api/health</c>: 200 when the engine and the stores answer, 503 naming the one that does not.</summary>
public sealed class HealthFunction(HttpCall http, IEnumerable<IHealthProbe> probes)
{
    [Function("Health")]
    public Task<IResult> Health([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        http.RunAsync(request, Access.Anonymous, async _ =>
        {
            var checks = new Dictionary<string, string>(StringComparer.Ordinal);
            var healthy = true;
            foreach (var probe in probes)
            {
                var (ok, detail) = await probe.CheckAsync(request.HttpContext.RequestAborted);
                healthy &= ok;
                checks[probe.Name] = detail;
            }
            return Results.Json(new { status = healthy ? "healthy" : "unhealthy", checks }, statusCode: healthy ? 200 : 503);
        });
}
