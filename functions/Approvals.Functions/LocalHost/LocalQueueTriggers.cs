using System.Reflection;
using Approvals.Stores.Embedded;
using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Approvals.Functions.LocalHost;

/// <summary>
/// Feeds each queue-triggered function from the embedded queue of the same name, as the Functions host feeds it from
/// Azure Storage: a message is hidden while its function runs, deleted when the function returns, shown again after
/// the visibility timeout when it throws, and moved to <c>{queue}-poison</c> once it has failed
/// <see cref="HostSettings.MaxDequeueCount"/> deliveries.
/// </summary>
public sealed class LocalQueueTriggers(IReadOnlyList<LocalFunction> functions, EmbeddedDatabase database, IServiceProvider services,
    HostSettings settings, ILogger<LocalQueueTriggers> logger) : BackgroundService
{
    /// <summary>Handles what is visible now on every queue; returns how many messages were taken.</summary>
    public async Task<int> DrainOnceAsync(CancellationToken cancellationToken)
    {
        var taken = 0;
        foreach (var function in functions.Where(f => f.Queue is not null))
        {
            var queue = new SqliteLocalQueue(database, function.Queue!.QueueName);
            var batch = await queue.ReceiveAsync(16, settings.VisibilityTimeout, cancellationToken);
            taken += batch.Count;
            foreach (var message in batch) await DeliverAsync(function, queue, message, cancellationToken);
        }
        return taken;
    }

    private async Task DeliverAsync(LocalFunction function, SqliteLocalQueue queue, SqliteLocalQueue.Received message, CancellationToken cancellationToken)
    {
        var delivered = QueuesModelFactory.QueueMessage($"local-{message.Id}", "local", new BinaryData(message.Body), message.DequeueCount);
        try
        {
            await using var scope = services.CreateAsyncScope();
            await FunctionInvoker.InvokeAsync(function, scope.ServiceProvider, parameter => Bind(parameter, function, delivered, scope.ServiceProvider, cancellationToken));
            await queue.CompleteAsync(message, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "{Function}: message {Id} failed on delivery {Count}", function.Name, delivered.MessageId, message.DequeueCount);
            if (message.DequeueCount >= settings.MaxDequeueCount)
            {
                await new SqliteLocalQueue(database, queue.Name + "-poison").SendAsync(message.Body, cancellationToken);
                await queue.CompleteAsync(message, cancellationToken);
            }
        }
    }

    private static object? Bind(ParameterInfo parameter, LocalFunction function, QueueMessage message, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (parameter == function.TriggerParameter)
        {
            if (parameter.ParameterType == typeof(QueueMessage)) return message;
            if (parameter.ParameterType == typeof(string)) return message.Body.ToString();
            if (parameter.ParameterType == typeof(BinaryData)) return message.Body;
        }
        if (parameter.ParameterType == typeof(CancellationToken)) return cancellationToken;
        if (parameter.GetCustomAttribute<DurableClientAttribute>() is not null) return services.GetRequiredService<DurableTaskClient>();
        throw new InvalidOperationException($"The local host cannot bind parameter {parameter.Name} of function {function.Name}.");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failing = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var handled = await DrainOnceAsync(stoppingToken);
                if (failing) logger.LogWarning("The local queue triggers read the embedded queue again");
                failing = false;
                if (handled == 0) await Task.Delay(TimeSpan.FromMilliseconds(200), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // One line when the queue stops answering, not one a second while it stays so.
                logger.Log(failing ? LogLevel.Debug : LogLevel.Error, "The local queue triggers cannot read the embedded queue: {Problem}; retrying every second", ex.GetBaseException().Message);
                failing = true;
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }
}
