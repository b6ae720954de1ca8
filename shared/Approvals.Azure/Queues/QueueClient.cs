using System.Globalization;
using System.Security;
using System.Text;
using System.Xml.Linq;
using Approvals.Azure.Storage;
using Azure.Core;

namespace Approvals.Azure.Queues;

/// <summary>
/// A storage queue over the Queue REST API on Azure.Core: create if missing, send with a visibility delay and a
/// time-to-live, receive up to 32 messages hiding them for a while, update (extend the lease or change the content),
/// delete by pop receipt, peek and the approximate count. Message text travels as base64 of its UTF-8 bytes, as the
/// Azure Functions queue trigger expects.
/// </summary>
public sealed class QueueClient
{
    /// <summary>The most messages one Get Messages or Peek Messages call returns.</summary>
    public const int MaxMessagesPerCall = 32;

    /// <summary>The largest message the service accepts: 64 KiB of (base64) message text, about 48 KiB of UTF-8. Put larger payloads in a blob.</summary>
    public const int MaxEncodedMessageLength = 64 * 1024;

    /// <summary>The longest visibility timeout (and delay) the service accepts: 7 days.</summary>
    public static readonly TimeSpan MaxVisibilityTimeout = TimeSpan.FromDays(7);

    private readonly StoragePipeline pipeline;

    public QueueClient(string connectionString, string queueName, StorageClientOptions? options = null)
        : this(StorageUris.Append(StorageConnectionString.Parse(connectionString).QueueEndpoint, queueName),
            StoragePipeline.ForBlobsOrQueues(StorageConnectionString.Parse(connectionString).Credential, options))
    {
    }

    public QueueClient(Uri queueUri, StorageSharedKeyCredential credential, StorageClientOptions? options = null)
        : this(queueUri, StoragePipeline.ForBlobsOrQueues(credential, options))
    {
    }

    /// <summary>A queue authorized by Microsoft Entra ID (scope https://storage.azure.com/.default).</summary>
    public QueueClient(Uri queueUri, TokenCredential credential, StorageClientOptions? options = null)
        : this(queueUri, StoragePipeline.WithToken(credential, options, table: false))
    {
    }

    private QueueClient(Uri queueUri, StoragePipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(queueUri);
        Uri = queueUri;
        Name = StorageUris.LastSegment(queueUri);
        this.pipeline = pipeline;
    }

    public Uri Uri { get; }

    public string Name { get; }

    /// <summary>Another queue of the same account, sharing this client's pipeline (e.g. the poison queue).</summary>
    public QueueClient GetSiblingQueue(string queueName) => new(StorageUris.Append(StorageUris.Parent(Uri), queueName), pipeline);

    /// <summary>Creates the queue; false when it already existed (204 or 409 QueueAlreadyExists).</summary>
    public async Task<bool> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = pipeline.CreateMessage(RequestMethod.Put, Uri);
        try
        {
            var response = await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
            return response.Status == 201;
        }
        catch (StorageRequestFailedException e) when (e.Status == 409 && e.ErrorCode == StorageErrorCode.QueueAlreadyExists)
        {
            return false;
        }
    }

    public async Task<bool> DeleteIfExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = pipeline.CreateMessage(RequestMethod.Delete, Uri);
        try
        {
            await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (StorageRequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }

    /// <summary>
    /// Puts a message. <paramref name="visibilityDelay"/> keeps it invisible that long (at most 7 days: longer delays
    /// must be re-armed by the caller); <paramref name="timeToLive"/> defaults to the service's 7 days,
    /// <see cref="Timeout.InfiniteTimeSpan"/> means never expire.
    /// </summary>
    public async Task<SendReceipt> SendMessageAsync(string body, TimeSpan? visibilityDelay = null, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        var uri = MessagesUri();
        if (visibilityDelay is { } delay) uri.AppendQuery("visibilitytimeout", Seconds(delay, allowZero: true));
        if (timeToLive is { } ttl) uri.AppendQuery("messagettl", ttl == Timeout.InfiniteTimeSpan ? "-1" : Seconds(ttl, allowZero: false, limit: TimeSpan.MaxValue));
        using var message = pipeline.CreateMessage(RequestMethod.Post, uri.ToUri());
        message.Request.Headers.SetValue("Content-Type", "application/xml");
        message.Request.Content = RequestContent.Create(Encoding.UTF8.GetBytes(Envelope(body)));
        var response = await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var element = (await LoadAsync(response, cancellationToken).ConfigureAwait(false)).Elements("QueueMessage").Single();
        return new SendReceipt(element.Element("MessageId")!.Value, element.Element("PopReceipt")!.Value,
            Date(element, "InsertionTime")!.Value, Date(element, "ExpirationTime"), Date(element, "TimeNextVisible")!.Value);
    }

    /// <summary>Receives up to <paramref name="maxMessages"/> (1-32) visible messages and hides them for <paramref name="visibilityTimeout"/>.</summary>
    public async Task<IReadOnlyList<QueueMessage>> ReceiveMessagesAsync(int maxMessages = 1, TimeSpan? visibilityTimeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxMessages, MaxMessagesPerCall);
        var uri = MessagesUri();
        uri.AppendQuery("numofmessages", maxMessages.ToString(CultureInfo.InvariantCulture));
        if (visibilityTimeout is { } visibility) uri.AppendQuery("visibilitytimeout", Seconds(visibility, allowZero: false));
        using var message = pipeline.CreateMessage(RequestMethod.Get, uri.ToUri());
        var response = await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return (await LoadAsync(response, cancellationToken).ConfigureAwait(false)).Elements("QueueMessage").Select(e => new QueueMessage(
            e.Element("MessageId")!.Value,
            e.Element("PopReceipt")!.Value,
            Decode(e.Element("MessageText")?.Value),
            long.Parse(e.Element("DequeueCount")!.Value, CultureInfo.InvariantCulture),
            Date(e, "InsertionTime")!.Value,
            Date(e, "ExpirationTime"),
            Date(e, "TimeNextVisible")!.Value)).ToList();
    }

    /// <summary>Looks at up to <paramref name="maxMessages"/> visible messages without hiding them.</summary>
    public async Task<IReadOnlyList<PeekedMessage>> PeekMessagesAsync(int maxMessages = 1, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxMessages, MaxMessagesPerCall);
        var uri = MessagesUri();
        uri.AppendQuery("peekonly", "true");
        uri.AppendQuery("numofmessages", maxMessages.ToString(CultureInfo.InvariantCulture));
        using var message = pipeline.CreateMessage(RequestMethod.Get, uri.ToUri());
        var response = await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return (await LoadAsync(response, cancellationToken).ConfigureAwait(false)).Elements("QueueMessage").Select(e => new PeekedMessage(
            e.Element("MessageId")!.Value,
            Decode(e.Element("MessageText")?.Value),
            long.Parse(e.Element("DequeueCount")!.Value, CultureInfo.InvariantCulture),
            Date(e, "InsertionTime")!.Value,
            Date(e, "ExpirationTime"))).ToList();
    }

    /// <summary>
    /// Makes the message invisible for <paramref name="visibilityTimeout"/> from now (0 releases it at once) and, when
    /// <paramref name="newBody"/> is given, replaces its content. The old pop receipt stops working.
    /// </summary>
    public async Task<UpdateReceipt> UpdateMessageAsync(string messageId, string popReceipt, TimeSpan visibilityTimeout, string? newBody = null, CancellationToken cancellationToken = default)
    {
        var uri = MessageUri(messageId, popReceipt);
        uri.AppendQuery("visibilitytimeout", Seconds(visibilityTimeout, allowZero: true));
        using var message = pipeline.CreateMessage(RequestMethod.Put, uri.ToUri());
        if (newBody is not null)
        {
            message.Request.Headers.SetValue("Content-Type", "application/xml");
            message.Request.Content = RequestContent.Create(Encoding.UTF8.GetBytes(Envelope(newBody)));
        }
        var response = await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        response.Headers.TryGetValue("x-ms-popreceipt", out var receipt);
        response.Headers.TryGetValue("x-ms-time-next-visible", out var visible);
        return new UpdateReceipt(receipt ?? throw new InvalidOperationException("Update Message returned no pop receipt."),
            DateTimeOffset.Parse(visible!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal));
    }

    /// <summary>Deletes a received message; 404 MessageNotFound when the pop receipt is stale (another receiver took it over).</summary>
    public async Task DeleteMessageAsync(string messageId, string popReceipt, CancellationToken cancellationToken = default)
    {
        using var message = pipeline.CreateMessage(RequestMethod.Delete, MessageUri(messageId, popReceipt).ToUri());
        await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes every message in the queue.</summary>
    public async Task ClearMessagesAsync(CancellationToken cancellationToken = default)
    {
        using var message = pipeline.CreateMessage(RequestMethod.Delete, MessagesUri().ToUri());
        await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The service's approximate message count (x-ms-approximate-messages-count), including invisible messages.</summary>
    public async Task<int> GetApproximateMessageCountAsync(CancellationToken cancellationToken = default)
    {
        var uri = new RequestUriBuilder();
        uri.Reset(Uri);
        uri.AppendQuery("comp", "metadata");
        using var message = pipeline.CreateMessage(RequestMethod.Get, uri.ToUri());
        var response = await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        response.Headers.TryGetValue("x-ms-approximate-messages-count", out var count);
        return int.Parse(count ?? "0", CultureInfo.InvariantCulture);
    }

    private RequestUriBuilder MessagesUri()
    {
        var uri = new RequestUriBuilder();
        uri.Reset(StorageUris.Append(Uri, "messages"));
        return uri;
    }

    private RequestUriBuilder MessageUri(string messageId, string popReceipt)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(popReceipt);
        var uri = new RequestUriBuilder();
        uri.Reset(StorageUris.Append(StorageUris.Append(Uri, "messages"), messageId));
        uri.AppendQuery("popreceipt", popReceipt);
        return uri;
    }

    /// <summary>The Put / Update Message body: the text as base64 of its UTF-8 bytes inside <c>&lt;QueueMessage&gt;</c>.</summary>
    internal static string Envelope(string body)
    {
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(body));
        if (encoded.Length > MaxEncodedMessageLength)
            throw new ArgumentException($"The message is {encoded.Length} characters once base64-encoded; a queue message holds at most {MaxEncodedMessageLength}. Store the payload in a blob and send its name.", nameof(body));
        return $"<QueueMessage><MessageText>{SecurityElement.Escape(encoded)}</MessageText></QueueMessage>";
    }

    internal static string Decode(string? text) => string.IsNullOrEmpty(text) ? "" : Encoding.UTF8.GetString(Convert.FromBase64String(text));

    private static string Seconds(TimeSpan value, bool allowZero, TimeSpan? limit = null)
    {
        var max = limit ?? MaxVisibilityTimeout;
        if (value < TimeSpan.Zero || (!allowZero && value < TimeSpan.FromSeconds(1)) || value > max)
            throw new ArgumentOutOfRangeException(nameof(value), value, $"Must be between {(allowZero ? 0 : 1)} second(s) and {max}.");
        return ((long)Math.Ceiling(value.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
    }

    private static DateTimeOffset? Date(XElement element, string name) =>
        element.Element(name)?.Value is { Length: > 0 } text ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal) : null;

    private static async Task<XElement> LoadAsync(global::Azure.Response response, CancellationToken cancellationToken) =>
        (await XDocument.LoadAsync(response.ContentStream!, LoadOptions.None, cancellationToken).ConfigureAwait(false)).Root!;
}
