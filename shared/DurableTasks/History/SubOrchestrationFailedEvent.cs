using DurableTasks.Abstractions;

namespace DurableTasks.History;

/// <summary>Sub-orchestration step TaskScheduledId failed.</summary>
public sealed record SubOrchestrationFailedEvent(int TaskScheduledId, TaskFailureDetails Failure) : HistoryEvent;
