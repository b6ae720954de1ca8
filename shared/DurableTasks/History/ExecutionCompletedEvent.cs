using DurableTasks.Abstractions;

namespace DurableTasks.History;

/// <summary>The execution ended: completed with a result, or failed with details.</summary>
public sealed record ExecutionCompletedEvent(OrchestrationRuntimeStatus Status, string? Result, TaskFailureDetails? Failure) : HistoryEvent;
