using DurableTasks.Abstractions;

namespace DurableTasks.History;

/// <summary>The orchestrator started a sub-orchestration as step TaskId.</summary>
public sealed record SubOrchestrationCreatedEvent(int TaskId, string Name, string InstanceId, string? Input) : HistoryEvent;
