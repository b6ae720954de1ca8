using DurableTasks.Abstractions;

namespace DurableTasks.History;

/// <summary>Sub-orchestration step TaskScheduledId completed.</summary>
public sealed record SubOrchestrationCompletedEvent(int TaskScheduledId, string? Result) : HistoryEvent;
