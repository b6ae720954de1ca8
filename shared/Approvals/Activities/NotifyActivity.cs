using System.Text.Json;
using Approvals.Stores;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Approvals.Activities;

/// <summary>
/// Sends a notice to a department (review or inspection request) or to the supervisor (escalation of a red light).
/// Kept in the notification outbox by its key, so a retried activity sends it once.
/// </summary>
public sealed class NotifyActivity(IKeyedRecords records, ILogger<NotifyActivity> logger) : TaskActivity<Notification, bool>
{
    public const string Scope = "notifications";

    public override async Task<bool> RunAsync(TaskActivityContext context, Notification notification)
    {
        var (added, _) = await records.TryAddAsync(Scope, notification.Key, JsonSerializer.Serialize(notification), CancellationToken.None);
        if (added)
        {
            logger.LogInformation("Notice {Kind} to {Recipient} for {ApplicationId}: {Text}", notification.Kind, notification.Recipient, notification.ApplicationId, notification.Text);
        }
        return added;
    }
}
