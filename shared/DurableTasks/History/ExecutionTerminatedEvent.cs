using DurableTasks.Abstractions;

namespace DurableTasks.History;

/// <summary>A client terminated the instance.</summary>
public sealed record ExecutionTerminatedEvent(string? Reason) : HistoryEvent;
