namespace Approvals.Azure.Queues;

/// <summary>What Update Message returns: the pop receipt to use from now on and the new visibility time.</summary>
public sealed record UpdateReceipt(string PopReceipt, DateTimeOffset NextVisibleOn);
