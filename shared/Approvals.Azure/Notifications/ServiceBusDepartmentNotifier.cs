using Approvals.Notifications;
using Azure.Core;
using Azure.Messaging.ServiceBus;

namespace Approvals.Azure.Notifications;

/// <summary>
/// Department notices on the Service Bus topic <see cref="Topic"/> (Azure): one <see cref="ServiceBusSender"/> for the
/// app's lifetime, messages mapped by <see cref="DepartmentNoticeMessage.From"/>. Retries of one notice carry the same
/// message id, so the topic must have duplicate detection on (the Bicep sets it) for them to be dropped.
/// </summary>
public sealed class ServiceBusDepartmentNotifier : IDepartmentNotifier, IAsyncDisposable
{
    /// <summary>The topic the departments' subscriptions hang off.</summary>
    public const string Topic = "department-tasks";

    private readonly ServiceBusSender sender;
    private readonly ServiceBusClient? ownedClient;

    /// <param name="sender">A sender for <see cref="Topic"/>; the caller owns it.</param>
    public ServiceBusDepartmentNotifier(ServiceBusSender sender)
    {
        this.sender = sender ?? throw new ArgumentNullException(nameof(sender));
    }

    private ServiceBusDepartmentNotifier(ServiceBusClient client)
    {
        ownedClient = client;
        sender = client.CreateSender(Topic);
    }

    /// <summary>
    /// A notifier on <paramref name="fullyQualifiedNamespace"/> (<c>&lt;name&gt;.servicebus.windows.net</c>) signed in with
    /// <paramref name="credential"/> (the app's managed identity, role Azure Service Bus Data Sender); no keys. Connects
    /// lazily, on the first send.
    /// </summary>
    public static ServiceBusDepartmentNotifier Create(string fullyQualifiedNamespace, TokenCredential credential, ServiceBusClientOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fullyQualifiedNamespace);
        ArgumentNullException.ThrowIfNull(credential);
        return new ServiceBusDepartmentNotifier(new ServiceBusClient(fullyQualifiedNamespace, credential, options ?? new ServiceBusClientOptions()));
    }

    /// <summary>The topic this notifier sends to.</summary>
    public string EntityPath => sender.EntityPath;

    /// <summary>The namespace this notifier sends to.</summary>
    public string FullyQualifiedNamespace => sender.FullyQualifiedNamespace;

    public Task NotifyAsync(DepartmentNotice notice, CancellationToken cancellationToken = default) =>
        sender.SendMessageAsync(DepartmentNoticeMessage.From(notice), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (ownedClient is null) return;
        await sender.DisposeAsync().ConfigureAwait(false);
        await ownedClient.DisposeAsync().ConfigureAwait(false);
    }
}
