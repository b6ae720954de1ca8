namespace Approvals.Functions.Triggers;

/// <summary>How often a queue message is delivered before it is given up, as host.json's <c>extensions.queues.maxDequeueCount</c> says.</summary>
public static class QueueDelivery
{
    public const int MaxDequeueCount = 5;
}
