using System.Text.Json;

namespace Approvals.Azure.Queues;

/// <summary>
/// Poison handling for a queue, as the Functions host does it: a message received more than
/// <see cref="MaxDequeueCount"/> times is copied to <c>&lt;queue&gt;-poison</c> as a <see cref="PoisonMessage"/> with its
/// reason, then deleted from the source. The copy is sent before the delete, so a crash in between leaves a
/// duplicate in the poison queue rather than losing the message.
/// </summary>
public sealed class PoisonQueue
{
    private readonly QueueClient source;
    private readonly TimeProvider timeProvider;

    public PoisonQueue(QueueClient source, int maxDequeueCount = 5, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDequeueCount, 1);
        this.source = source;
        this.timeProvider = timeProvider ?? TimeProvider.System;
        MaxDequeueCount = maxDequeueCount;
        Queue = source.GetSiblingQueue(source.Name + "-poison");
    }

    /// <summary>A message dequeued more often than this is poison.</summary>
    public int MaxDequeueCount { get; }

    /// <summary>The poison queue, <c>&lt;queue&gt;-poison</c>.</summary>
    public QueueClient Queue { get; }

    public bool IsPoison(QueueMessage message) => message.DequeueCount > MaxDequeueCount;

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
        await Queue.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        var poison = new PoisonMessage(source.Name, message.MessageId, message.Body, message.DequeueCount, reason, timeProvider.GetUtcNow());
        await Queue.SendMessageAsync(JsonSerializer.Serialize(poison), timeToLive: Timeout.InfiniteTimeSpan, cancellationToken: cancellationToken).ConfigureAwait(false);
        await source.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a poison queue message's envelope.</summary>
    public static PoisonMessage Parse(string body) =>
        JsonSerializer.Deserialize<PoisonMessage>(body) ?? throw new FormatException("Not a poison message envelope.");
}
