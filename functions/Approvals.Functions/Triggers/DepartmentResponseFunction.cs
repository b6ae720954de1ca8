using Approvals.Applications;
using Approvals.Stores;
using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Approvals.Functions.Triggers;

/// <summary>
/// One message of the Storage queue <c>department-responses</c> (api.md): a department's decision. Applied, duplicate
/// and refused (dead-lettered with its reason by the handler) all complete the message. An unexpected failure throws,
/// so the queue delivers it again; on its last delivery it goes to the dead letters with the failure as its reason
/// instead of the host's poison queue, where supervisors would not see it.
/// </summary>
public sealed class DepartmentResponseFunction(DepartmentResponseHandler handler, IDeadLetters deadLetters, TimeProvider time, ILogger<DepartmentResponseFunction> logger)
{
    public const string Name = "DepartmentResponse";

    [Function(Name)]
    public async Task Run([QueueTrigger(DepartmentResponseHandler.Queue)] QueueMessage message, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        var body = message.Body?.ToString() ?? "";
        try
        {
            var outcome = await handler.HandleAsync(body, message.MessageId, cancellationToken);
            logger.LogInformation("department-responses message {Id}: {Result} ({Reason})", message.MessageId, outcome.Result, outcome.Reason);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && message.DequeueCount >= QueueDelivery.MaxDequeueCount)
        {
            logger.LogWarning(ex, "department-responses message {Id} failed its last delivery ({Count}); dead-lettered", message.MessageId, message.DequeueCount);
            await deadLetters.AddAsync(new DeadLetter(DepartmentResponseHandler.Queue, message.MessageId, body,
                $"failed {message.DequeueCount} deliveries: {ex.GetBaseException().Message}", time.GetUtcNow()), cancellationToken);
        }
    }
}
