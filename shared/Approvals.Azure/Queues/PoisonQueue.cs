using System.Text.Json;
using Approvals.Azure.Storage;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace Approvals.Azure.Queues;

/// <summary>
/// Poison handling for a storage queue, as the Functions host does it: a message received more than
/// <see cref="MaxDequeueCount"/> times is copied to <c>&lt;queue&gt;-poison</c> as a <see cref="PoisonMessage"/> with its
/// reason, then deleted from the source. The copy is sent before the delete, so a crash in between leaves a
/// duplicate in the poison queue rather than losing the message.
/// </summary>
public sealed class PoisonQueue
{
    /// <summary>A poison message never expires (the queue service's <c>messagettl=-1</c>): a person has to look at it.</summary>
    private static readonly TimeSpan Forever = TimeSpan.FromSeconds(-1);

    private readonly QueueClient source;
    private readonly TimeProvider timeProvider;

    /// <param name="source">The queue the messages are received from.</param>
    /// <param name="poison">Its poison queue, by convention <c>&lt;queue&gt;-poison</c> of the same account (see <see cref="For"/>).</param>
    /// <param name="maxDequeueCount">Deliveries allowed before a message is poison (the host's <c>maxDequeueCount</c>, 5 by default).</param>
    /// <param name="timeProvider">Stamps <see cref="PoisonMessage.MovedAt"/>.</param>
    public PoisonQueue(QueueClient source, QueueClient poison, int maxDequeueCount = 5, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(poison);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDequeueCount, 1);
        this.source = source;
        this.timeProvider = timeProvider ?? TimeProvider.System;
        MaxDequeueCount = maxDequeueCount;
        Queue = poison;
    }

    /// <summary>The queue <paramref name="queueName"/> of <paramref name="account"/> with its poison queue <c>&lt;queueName&gt;-poison</c>.</summary>
    public static PoisonQueue For(StorageAccount account, string queueName, int maxDequeueCount = 5, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new PoisonQueue(account.Queue(queueName), account.Queue(queueName + "-poison"), maxDequeueCount, timeProvider);
    }

    /// <summary>A message dequeued more often than this is poison.</summary>
    public int MaxDequeueCount { get; }

    /// <summary>The poison queue, <c>&lt;queue&gt;-poison</c>.</summary>
    public QueueClient Queue { get; }

    public bool IsPoison(QueueMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.DequeueCount > MaxDequeueCount;
    }

    /// <summary>Moves <paramref name="message"/> to the poison queue if it has been tried too often; true when it did.</summary>
    public async Task<bool> MoveIfPoisonAsync(QueueMessage message, string reason, CancellationToken cancellationToken = default)
    {
        if (!IsPoison(message)) return false;
        await MoveAsync(message, reason, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Moves <paramref name="message"/> to the poison queue now, whatever its dequeue count (e.g. it cannot be parsed).</summary>
    public async Task MoveAsync(QueueMessage message, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        await Queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var poison = new PoisonMessage(source.Name, message.MessageId, message.Body.ToString(), message.DequeueCount, reason, timeProvider.GetUtcNow());
        await Queue.SendMessageAsync(JsonSerializer.Serialize(poison), visibilityTimeout: null, timeToLive: Forever, cancellationToken).ConfigureAwait(false);
        await source.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a poison queue message's envelope.</summary>
    public static PoisonMessage Parse(string body) =>
        JsonSerializer.Deserialize<PoisonMessage>(body) ?? throw new FormatException("Not a poison message envelope.");
}
