using System.Text.Json;
using Approvals.Notifications;
using Approvals.Stores;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Approvals.Activities;

/// <summary>
/// Sends a notice to a department (review or inspection request) or to the supervisor (escalation of a red light).
/// Kept in the notification outbox by its key, so a retried activity records it once. A notice that concerns a
/// department (<see cref="DepartmentNotice.From"/>) also goes out through the <see cref="IDepartmentNotifier"/> when one
/// is registered, on every attempt: a retry after a crash between recording and sending must still send, and the
/// notifier drops the duplicates by message id.
/// </summary>
public sealed class NotifyActivity(IKeyedRecords records, ILogger<NotifyActivity> logger, IDepartmentNotifier? departments = null) : TaskActivity<Notification, bool>
{
    public const string Scope = "notifications";

    public override async Task<bool> RunAsync(TaskActivityContext context, Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var (added, _) = await records.TryAddAsync(Scope, notification.Key, JsonSerializer.Serialize(notification), CancellationToken.None);
        if (added)
        {
            logger.LogInformation("Notice {Kind} to {Recipient} for {ApplicationId}: {Text}", notification.Kind, notification.Recipient, notification.ApplicationId, notification.Text);
        }
        if (departments is not null && DepartmentNotice.From(notification) is { } notice)
        {
            await departments.NotifyAsync(notice, CancellationToken.None);
        }
        return added;
    }
}
