namespace DurableTasks.Client;

/// <summary>No instance has this id.</summary>
public sealed class OrchestrationNotFoundException(string instanceId)
    : InvalidOperationException($"Orchestration instance '{instanceId}' does not exist.")
{
    public string InstanceId { get; } = instanceId;
}
