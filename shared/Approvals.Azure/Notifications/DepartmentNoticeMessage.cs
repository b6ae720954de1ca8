using System.Text.Json;
using Approvals.Notifications;
using Azure.Messaging.ServiceBus;

namespace Approvals.Azure.Notifications;

/// <summary>How a <see cref="DepartmentNotice"/> travels on the Service Bus topic <c>department-tasks</c>.</summary>
public static class DepartmentNoticeMessage
{
    /// <summary>The application property subscriptions filter on: the department the notice is for.</summary>
    public const string DepartmentProperty = "department";

    public const string EventProperty = "event";

    public const string ApplicationIdProperty = "applicationId";

    public const string TaskIdProperty = "taskId";

    /// <summary>
    /// The message: <see cref="ServiceBusMessage.MessageId"/> = task id + event (<see cref="DepartmentNotice.MessageId"/>),
    /// so the topic's duplicate detection drops the notifying activity's retries; <see cref="ServiceBusMessage.CorrelationId"/>
    /// = the application id, as on every log line and message of the application; <see cref="ServiceBusMessage.Subject"/>
    /// = the event; the department, event, application and task as application properties; the notice as JSON body.
    /// </summary>
    public static ServiceBusMessage From(DepartmentNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var message = new ServiceBusMessage(BinaryData.FromString(JsonSerializer.Serialize(notice)))
        {
            MessageId = notice.MessageId,
            CorrelationId = notice.ApplicationId,
            Subject = notice.Event,
            ContentType = "application/json",
        };
        message.ApplicationProperties[DepartmentProperty] = notice.Department;
        message.ApplicationProperties[EventProperty] = notice.Event;
        message.ApplicationProperties[ApplicationIdProperty] = notice.ApplicationId;
        message.ApplicationProperties[TaskIdProperty] = notice.TaskId;
        return message;
    }

    /// <summary>Reads the notice back from a received message's body.</summary>
    public static DepartmentNotice Parse(BinaryData body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return body.ToObjectFromJson<DepartmentNotice>() ?? throw new FormatException("Not a department notice.");
    }
}
