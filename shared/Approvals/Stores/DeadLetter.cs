namespace Approvals.Stores;

/// <summary>A message that could not be applied, kept with the reason (never dropped silently).</summary>
public sealed record DeadLetter(string Queue, string MessageId, string Body, string Reason, DateTimeOffset At);
