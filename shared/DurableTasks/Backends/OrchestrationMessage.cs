using DurableTasks.History;

namespace DurableTasks.Backends;

/// <summary>
/// A message to an orchestration instance carrying the history event it will add. It becomes
/// visible at <see cref="VisibleAt"/> (that is how durable timers work). <see cref="MessageId"/> is
/// unique and deterministic where the sender can make it so; a store ignores a second message with
/// the same id, and the engine ignores an event whose message id is already in history.
/// </summary>
public sealed record OrchestrationMessage(string MessageId, string InstanceId, string? ExecutionId, HistoryEvent Event, DateTimeOffset VisibleAt);
