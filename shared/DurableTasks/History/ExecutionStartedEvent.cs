using DurableTasks.Abstractions;

namespace DurableTasks.History;

/// <summary>The orchestration was asked to start, with its name and input; a sub-orchestration names its parent.</summary>
public sealed record ExecutionStartedEvent(string Name, string ExecutionId, string? Input, ParentInstanceInfo? Parent = null) : HistoryEvent;
