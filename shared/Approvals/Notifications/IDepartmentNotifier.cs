namespace Approvals.Notifications;

/// <summary>
/// Where department notices go out: a task dispatched to a department, a department's deadline near. Delivery is at
/// least once (the notifying activity may run again), so an implementation drops a notice whose
/// <see cref="DepartmentNotice.MessageId"/> it has already sent: Service Bus duplicate detection in Azure, the embedded
/// queue's own check locally.
/// </summary>
public interface IDepartmentNotifier
{
    /// <summary>Sends <paramref name="notice"/>, or does nothing when a notice with the same message id was sent before.</summary>
    Task NotifyAsync(DepartmentNotice notice, CancellationToken cancellationToken = default);
}
