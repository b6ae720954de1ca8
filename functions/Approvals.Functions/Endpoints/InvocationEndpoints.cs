using Approvals.Functions.Invocations;
using DurableTasks.Worker;

namespace Approvals.Functions.Endpoints;

/// <summary>
/// The custom handler's non-HTTP functions: the Functions host posts each trigger to <c>/{FunctionName}</c>.
/// The engine's queue triggers only wake the engine; the work itself is locked from the store.
/// </summary>
public static class InvocationEndpoints
{
    public static void MapEngineInvocations(this IEndpointRouteBuilder app)
    {
        app.MapPost("/EngineControl", DrainAsync).ExcludeFromDescription();
        app.MapPost("/EngineActivities", DrainAsync).ExcludeFromDescription();
    }

    private static async Task<IResult> DrainAsync(InvocationRequest request, DurableTaskWorker worker, CancellationToken cancellation)
    {
        var handled = 0;
        for (var round = 0; round < 20; round++)
        {
            var n = await worker.DrainOnceAsync(cancellation);
            if (n == 0) break;
            handled += n;
        }
        return Results.Ok(InvocationResponse.Done($"engine: {handled} work items handled"));
    }
}
