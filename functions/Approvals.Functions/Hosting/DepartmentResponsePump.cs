using Approvals.Applications;
using Approvals.Stores;
using Approvals.Stores.Embedded;

namespace Approvals.Functions.Hosting;

/// <summary>
/// Locally, feeds the <c>department-responses</c> messages of the embedded queue to the same handler the Service Bus
/// trigger calls in Azure. A message is completed only after the handler applied it or dead-lettered it with its
/// reason; one that keeps failing is dead-lettered after <see cref="MaxDeliveries"/> attempts, never dropped. A message
/// taken by a process that dies comes back after the visibility timeout (<c>Queues:DepartmentResponses:VisibilitySeconds</c>,
/// 30 by default; Service Bus calls it the lock duration).
/// </summary>
public sealed class DepartmentResponsePump(SqliteLocalQueue queue, DepartmentResponseHandler handler, IDeadLetters deadLetters,
    TimeProvider timeProvider, ILogger<DepartmentResponsePump> logger, IConfiguration configuration) : BackgroundService
{
    public const int MaxDeliveries = 5;

    private readonly TimeSpan visibility = TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue("Queues:DepartmentResponses:VisibilitySeconds", 30.0), 1, 3600));

    /// <summary>Handles what is visible now; returns how many messages were taken.</summary>
    public async Task<int> DrainOnceAsync(CancellationToken cancellationToken)
    {
        var batch = await queue.ReceiveAsync(16, visibility, cancellationToken);
        foreach (var message in batch)
        {
            try
            {
                var outcome = await handler.HandleAsync(message.Body, $"local-{message.Id}", cancellationToken);
                logger.LogInformation("department-responses message {Id}: {Result} ({Reason})", message.Id, outcome.Result, outcome.Reason);
                await queue.CompleteAsync(message, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "department-responses message {Id} failed on delivery {Count}", message.Id, message.DequeueCount);
                if (message.DequeueCount >= MaxDeliveries)
                {
                    await deadLetters.AddAsync(new DeadLetter(DepartmentResponseHandler.Queue, $"local-{message.Id}", message.Body,
                        $"failed {message.DequeueCount} deliveries: {ex.Message}", timeProvider.GetUtcNow()), cancellationToken);
                    await queue.CompleteAsync(message, cancellationToken);
                }
            }
        }
        return batch.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await DrainOnceAsync(stoppingToken) == 0) await Task.Delay(TimeSpan.FromMilliseconds(200), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
