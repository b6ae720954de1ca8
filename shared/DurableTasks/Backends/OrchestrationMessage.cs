using P = Microsoft.DurableTask.Protobuf;

namespace DurableTasks.Backends;

/// <summary>
/// A message to an orchestration instance carrying the history event it will add, in Microsoft's protobuf shape. It
/// becomes visible at <see cref="VisibleAt"/> (that is how durable timers work). <see cref="MessageId"/> is unique and
/// deterministic where the sender can make it so; a store ignores a second message with the same id. A null
/// <see cref="ExecutionId"/> is delivered to whichever execution is current.
/// </summary>
public sealed record OrchestrationMessage(string MessageId, string InstanceId, string? ExecutionId, P.HistoryEvent Event, DateTimeOffset VisibleAt)
{
    /// <summary>Set for client events raised with a caller-chosen id: the store remembers it after delivery, so a repeat is dropped.</summary>
    public bool RememberAfterDelivery { get; init; }
}
