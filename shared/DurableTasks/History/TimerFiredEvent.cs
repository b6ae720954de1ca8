using DurableTasks.Abstractions;

namespace DurableTasks.History;

/// <summary>Durable timer TimerId fired (never before FireAt).</summary>
public sealed record TimerFiredEvent(int TimerId, DateTimeOffset FireAt) : HistoryEvent;
