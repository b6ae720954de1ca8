using DurableTasks.Abstractions;

namespace DurableTasks.History;

/// <summary>An episode began; its timestamp is what CurrentUtcDateTime reads for the rest of the episode.</summary>
public sealed record OrchestratorStartedEvent : HistoryEvent;
