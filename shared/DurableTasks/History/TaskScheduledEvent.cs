using DurableTasks.Abstractions;

namespace DurableTasks.History;

/// <summary>The orchestrator scheduled activity TaskId.</summary>
public sealed record TaskScheduledEvent(int TaskId, string Name, string? Input) : HistoryEvent;
