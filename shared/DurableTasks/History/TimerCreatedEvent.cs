using DurableTasks.Abstractions;

namespace DurableTasks.History;

/// <summary>The orchestrator created durable timer TaskId due at FireAt.</summary>
public sealed record TimerCreatedEvent(int TaskId, DateTimeOffset FireAt) : HistoryEvent;
