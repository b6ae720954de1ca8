using System.Security.Cryptography;
using System.Text;
using Approvals.Activities;

namespace Approvals.Notifications;

/// <summary>
/// A notice to one department about one of its tasks: <see cref="Event"/> says what happened (a review, inspection or
/// acceptance-opinion request dispatched, a deadline near), <see cref="TaskId"/> which task (the workflow's notification
/// key: application, department, item or round), <see cref="ApplicationId"/> the application it belongs to.
/// </summary>
public sealed record DepartmentNotice(string ApplicationId, string Department, string TaskId, string Event, string Text)
{
    /// <summary>The longest message id Service Bus takes.</summary>
    public const int MaxMessageIdLength = 128;

    /// <summary>The events that concern the department itself (the other notifications go to the supervisor or the applicant).</summary>
    public static readonly IReadOnlySet<string> DepartmentEvents = new HashSet<string>(StringComparer.Ordinal)
    {
        "review-request",
        "inspection-request",
        "acceptance-opinion-request",
        "re-inspection-request",
        "deadline-near",
        "call-assigned",
    };

    /// <summary>
    /// Task id + event: the same for every retry of one notice, so duplicate detection drops the retries. Ids longer
    /// than <see cref="MaxMessageIdLength"/> are replaced by their SHA-256 (still one per notice).
    /// </summary>
    public string MessageId
    {
        get
        {
            var id = $"{TaskId}/{Event}";
            return id.Length <= MaxMessageIdLength ? id : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));
        }
    }

    /// <summary>The department notice a workflow notification stands for, or null when it goes to someone else.</summary>
    public static DepartmentNotice? From(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return DepartmentEvents.Contains(notification.Kind)
            ? new DepartmentNotice(notification.ApplicationId, notification.Recipient, notification.Key, notification.Kind, notification.Text)
            : null;
    }
}
