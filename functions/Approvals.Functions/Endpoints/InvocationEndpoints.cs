using Approvals.Applications;
using Approvals.Functions.Hosting;
using Approvals.Functions.Invocations;
using DurableTasks.Worker;

namespace Approvals.Functions.Endpoints;

/// <summary>
/// The custom handler's non-HTTP functions: the Functions host posts each trigger to <c>/{FunctionName}</c> with
/// <c>Data</c> and <c>Metadata</c> and reads <c>Outputs</c>, <c>Logs</c> and <c>ReturnValue</c>. The engine heartbeat
/// only wakes the engine; the work itself is locked from the store (see functions/README.md for why the engine's
/// queues carry no host trigger).
/// </summary>
public static class InvocationEndpoints
{
    public static void MapEngineInvocations(this IEndpointRouteBuilder app)
    {
        app.MapPost("/EngineHeartbeat", DrainAsync).ExcludeFromDescription();
    }

    public static void MapTriggerInvocations(this IEndpointRouteBuilder app)
    {
        app.MapPost("/DepartmentResponse", DepartmentResponseAsync).ExcludeFromDescription();
        app.MapPost("/CommitmentAudit", async (InvocationRequest request, SupervisionJobs jobs, TimeProvider time, CancellationToken ct) =>
        {
            var audit = await jobs.AuditAsync(time.GetUtcNow(), ct);
            return Results.Ok(InvocationResponse.Done($"commitment audit: {audit.DueSoon.Count} due soon, {audit.Overdue.Count} overdue, {audit.Broken.Count} broken"));
        }).ExcludeFromDescription();
        app.MapPost("/MonthlyReport", async (InvocationRequest request, SupervisionJobs jobs, TimeProvider time, CancellationToken ct) =>
        {
            var report = await jobs.MonthlyReportIfDueAsync(time.GetUtcNow(), ct);
            return Results.Ok(InvocationResponse.Done(report is null
                ? "monthly report: not the 1st of the month in Asia/Shanghai, nothing to write"
                : $"monthly report {report.Month} written: {report.ApplicationsAccepted} applications"));
        }).ExcludeFromDescription();
    }

    /// <summary>
    /// One Service Bus message. Applied, duplicate and dead-lettered (with its reason, in our dead-letter store) all
    /// complete the message; only an unexpected failure answers 500, so Service Bus redelivers it and dead-letters it
    /// itself after its max delivery count.
    /// </summary>
    private static async Task<IResult> DepartmentResponseAsync(InvocationRequest request, DepartmentResponseHandler handler, CancellationToken ct)
    {
        var body = request.DataText("message");
        if (body is null) return Results.BadRequest(InvocationResponse.Done("no 'message' binding data in the invocation"));
        var outcome = await handler.HandleAsync(body, request.MetadataText("MessageId"), ct);
        return Results.Ok(new InvocationResponse([], [$"department-responses: {outcome.Result}: {outcome.Reason}"], outcome.Result));
    }

    private static async Task<IResult> DrainAsync(InvocationRequest request, EmbeddedDurableTaskWorker worker, CancellationToken cancellation)
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
