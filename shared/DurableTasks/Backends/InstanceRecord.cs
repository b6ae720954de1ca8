using DurableTasks.Abstractions;
using DurableTasks.History;

namespace DurableTasks.Backends;

/// <summary>The stored state of an orchestration instance (everything a status read needs, no replay).</summary>
public sealed record InstanceRecord
{
    public required string InstanceId { get; init; }
    public required string Name { get; init; }
    public required string ExecutionId { get; init; }
    public required OrchestrationRuntimeStatus Status { get; init; }
    public string? Input { get; init; }
    public string? Output { get; init; }
    public string? CustomStatus { get; init; }
    public TaskFailureDetails? Failure { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset LastUpdatedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>Events in the current execution's history; lets a worker reuse a cached replay.</summary>
    public int HistoryCount { get; init; }

    /// <summary>Set on sub-orchestrations.</summary>
    public ParentInstanceInfo? Parent { get; init; }
}
