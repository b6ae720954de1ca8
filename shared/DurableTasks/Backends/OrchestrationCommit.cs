using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using P = Microsoft.DurableTask.Protobuf;

namespace DurableTasks.Backends;

/// <summary>
/// Everything one episode changes, applied by the store in one transaction together with the consumption of the
/// work item's messages: new history, the instance row, outgoing messages, new sub-orchestration instances.
/// </summary>
public sealed record OrchestrationCommit
{
    public required OrchestrationWorkItem WorkItem { get; init; }

    /// <summary>The execution the instance is in after the commit (a new one after continue-as-new).</summary>
    public required string ExecutionId { get; init; }

    /// <summary>Drop the existing history before appending (continue-as-new).</summary>
    public bool ResetHistory { get; init; }

    public IReadOnlyList<P.HistoryEvent> NewEvents { get; init; } = [];
    public required OrchestrationRuntimeStatus Status { get; init; }
    public string? Input { get; init; }
    public string? Output { get; init; }
    public string? CustomStatus { get; init; }
    public TaskFailureDetails? Failure { get; init; }
    public IReadOnlyList<OrchestrationMessage> OrchestrationMessages { get; init; } = [];
    public IReadOnlyList<ActivityMessage> ActivityMessages { get; init; } = [];

    /// <summary>Sub-orchestrations to create (if absent) before their start messages are delivered.</summary>
    public IReadOnlyList<InstanceRecord> NewInstances { get; init; } = [];

    /// <summary>When the instance ends, its still-queued timers and activity requests are dropped with it.</summary>
    public bool DropPendingMessages { get; init; }

    public string InstanceId => WorkItem.Instance.InstanceId;
}
