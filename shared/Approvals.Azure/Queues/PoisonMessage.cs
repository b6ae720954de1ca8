namespace Approvals.Azure.Queues;

/// <summary>
/// What lands in <c>&lt;queue&gt;-poison</c>: the original message, how often it was tried and why it was given up,
/// so a person can repair and resend it.
/// </summary>
public sealed record PoisonMessage(string Queue, string MessageId, string Body, long DequeueCount, string Reason, DateTimeOffset MovedAt);
