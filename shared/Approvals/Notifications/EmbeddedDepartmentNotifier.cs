using System.Text.Json;
using Approvals.Stores.Embedded;

namespace Approvals.Notifications;

/// <summary>
/// Department notices on the embedded queue (local runs and tests): each notice as JSON on <see cref="Queue"/>, sent once
/// per <see cref="DepartmentNotice.MessageId"/> as Service Bus duplicate detection would.
/// </summary>
public sealed class EmbeddedDepartmentNotifier(SqliteLocalQueue queue) : IDepartmentNotifier
{
    /// <summary>The queue's name, the same as the Service Bus topic's in Azure.</summary>
    public const string Queue = "department-tasks";

    /// <summary>A notifier on the <see cref="Queue"/> queue of <paramref name="database"/>.</summary>
    public EmbeddedDepartmentNotifier(EmbeddedDatabase database) : this(new SqliteLocalQueue(database, Queue))
    {
    }

    public Task NotifyAsync(DepartmentNotice notice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return queue.SendOnceAsync(notice.MessageId, JsonSerializer.Serialize(notice), cancellationToken);
    }

    /// <summary>Reads a notice back from a message of the queue.</summary>
    public static DepartmentNotice Parse(string body) =>
        JsonSerializer.Deserialize<DepartmentNotice>(body) ?? throw new FormatException("Not a department notice.");
}
