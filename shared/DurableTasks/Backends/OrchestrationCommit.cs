using DurableTasks.Abstractions;
using DurableTasks.History;

namespace DurableTasks.Backends;

/// <summary>
/// Everything one episode changes. A transactional store applies it atomically; a store without
/// cross-item transactions writes the history and instance first (guarded by the lock / ETag), then
/// sends the messages, relying on message ids to drop duplicates after a crash.
/// </summary>
public sealed record OrchestrationCommit
{
    public required OrchestrationWorkItem WorkItem { get; init; }

    /// <summary>The execution the instance is in after the commit (a new one after continue-as-new).</summary>
    public required string ExecutionId { get; init; }

    /// <summary>Drop the existing history before appending (continue-as-new).</summary>
    public bool ResetHistory { get; init; }

    public IReadOnlyList<HistoryEvent> NewEvents { get; init; } = [];
    public required OrchestrationRuntimeStatus Status { get; init; }
    public string? Input { get; init; }
    public string? Output { get; init; }
    public string? CustomStatus { get; init; }
    public TaskFailureDetails? Failure { get; init; }
    public IReadOnlyList<OrchestrationMessage> OrchestrationMessages { get; init; } = [];
    public IReadOnlyList<ActivityMessage> ActivityMessages { get; init; } = [];

    /// <summary>Sub-orchestrations to create (if absent) before their start messages are delivered.</summary>
    public IReadOnlyList<InstanceRecord> NewInstances { get; init; } = [];

    /// <summary>Timer messages withdrawn because the orchestrator cancelled the timer.</summary>
    public IReadOnlyList<string> WithdrawnMessageIds { get; init; } = [];

    public string InstanceId => WorkItem.Instance.InstanceId;
}
