using System.Globalization;
using System.Text;
using System.Text.Json;
using Approvals.Azure.Storage;
using DurableTasks.Backends;

namespace Approvals.Azure.Engine;

public sealed partial class AzureStorageOrchestrationStore
{
    /// <summary>Puts an activity request on the activity queue (as a blob reference when too large for a message).</summary>
    private async Task SendActivityAsync(ActivityMessage message, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(new ActivityEnvelope(message, null), AzureEngineJsonContext.Default.ActivityEnvelope);
        if (Encoding.UTF8.GetByteCount(json) > options.MaxQueuePayloadBytes)
        {
            var blob = await payloads.UploadAsync(message.InstanceId, JsonSerializer.Serialize(message, AzureEngineJsonContext.Default.ActivityMessage), cancellationToken);
            json = JsonSerializer.Serialize(new ActivityEnvelope(null, blob), AzureEngineJsonContext.Default.ActivityEnvelope);
        }
        await activities.SendMessageAsync(json, TimeSpan.Zero, Timeout.InfiniteTimeSpan, cancellationToken);
    }

    public async Task<IReadOnlyList<ActivityWorkItem>> LockActivitiesAsync(int max, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        var received = await activities.ReceiveMessagesAsync(Math.Clamp(max, 1, Queues.QueueClient.MaxMessagesPerCall), Hold(lease), cancellationToken);
        var items = await Task.WhenAll(received.Select(async m =>
        {
            var envelope = JsonSerializer.Deserialize(m.Body, AzureEngineJsonContext.Default.ActivityEnvelope)!;
            var message = envelope.Message
                ?? JsonSerializer.Deserialize(await payloads.DownloadAsync(envelope.Blob!, cancellationToken), AzureEngineJsonContext.Default.ActivityMessage)!;
            var token = string.Create(CultureInfo.InvariantCulture, $"{m.MessageId}\n{m.PopReceipt}\n{envelope.Blob}");
            return new ActivityWorkItem(message, token, (int)Math.Min(m.DequeueCount, int.MaxValue));
        }));
        return items;
    }

    public async Task<IReadOnlyList<bool>> CompleteActivitiesAsync(IReadOnlyList<ActivityCompletion> completions, CancellationToken cancellationToken = default)
    {
        if (completions.Count == 0) return [];
        // Results first (insert-if-absent by message id, hinted): a crash before the request's deletion means a second
        // run whose result is a duplicate, never a lost result.
        await DeliverAsync(completions.Select(c => c.Result).ToList(), cancellationToken);
        await FaultAsync("activity:after-results");
        var results = await Task.WhenAll(completions.Select(async c =>
        {
            var (id, receipt, blob) = ParseActivityToken(c.WorkItem.LockToken);
            try
            {
                await activities.DeleteMessageAsync(id, receipt, cancellationToken);
            }
            catch (StorageRequestFailedException e) when (e.Status is 404 or 400)
            {
                return false;
            }
            if (blob.Length > 0) await payloads.ForgetAsync(blob);
            return true;
        }));
        Signal.Pulse();
        return results;
    }

    public async Task AbandonActivityAsync(ActivityWorkItem workItem, CancellationToken cancellationToken = default)
    {
        var (id, receipt, _) = ParseActivityToken(workItem.LockToken);
        try
        {
            await activities.UpdateMessageAsync(id, receipt, TimeSpan.Zero, cancellationToken: cancellationToken);
        }
        catch (StorageRequestFailedException e) when (e.Status is 404 or 400)
        {
        }
        Signal.Pulse();
    }

    private static (string MessageId, string PopReceipt, string Blob) ParseActivityToken(string token)
    {
        var parts = token.Split('\n');
        return (parts[0], parts[1], parts.Length > 2 ? parts[2] : "");
    }
}
