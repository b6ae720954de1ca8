namespace DurableTasks.Abstractions;

/// <summary>Options for a sub-orchestration call; the instance id defaults to a deterministic one derived from the parent.</summary>
public sealed record SubOrchestrationOptions : TaskOptions
{
    /// <summary>The child's instance id; null means "{parent}:{step}".</summary>
    public string? InstanceId { get; init; }
}
