namespace Approvals.Azure.Queues;

/// <summary>A message seen by Peek Messages: its content, without hiding it or getting a pop receipt.</summary>
public sealed record PeekedMessage(string MessageId, string Body, long DequeueCount, DateTimeOffset InsertedOn, DateTimeOffset? ExpiresOn);
