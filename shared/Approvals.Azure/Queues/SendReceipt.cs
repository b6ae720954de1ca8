namespace Approvals.Azure.Queues;

/// <summary>What Put Message returns: the new message's id, pop receipt and when it becomes visible.</summary>
public sealed record SendReceipt(string MessageId, string PopReceipt, DateTimeOffset InsertedOn, DateTimeOffset? ExpiresOn, DateTimeOffset NextVisibleOn);
