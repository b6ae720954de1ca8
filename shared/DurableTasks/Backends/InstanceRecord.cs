using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace DurableTasks.Backends;

/// <summary>The stored state of an orchestration instance: everything a status read needs, no replay.</summary>
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

    /// <summary>Events in the current execution's history; tells a worker whether its cached session is still current.</summary>
    public int HistoryCount { get; init; }

    /// <summary>Set on sub-orchestrations: the parent and the task id its completion answers.</summary>
    public ParentInstance? Parent { get; init; }
}

/// <summary>Where a sub-orchestration reports when it ends.</summary>
public sealed record ParentInstance(string InstanceId, string ExecutionId, string Name, int TaskScheduledId);
