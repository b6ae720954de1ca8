namespace Approvals.Azure.Queues;

/// <summary>
/// A received message: hidden from other receivers until <see cref="NextVisibleOn"/>. Keep <see cref="PopReceipt"/>
/// to delete or update it; each update returns a new one.
/// </summary>
public sealed record QueueMessage(
    string MessageId,
    string PopReceipt,
    string Body,
    long DequeueCount,
    DateTimeOffset InsertedOn,
    DateTimeOffset? ExpiresOn,
    DateTimeOffset NextVisibleOn);
