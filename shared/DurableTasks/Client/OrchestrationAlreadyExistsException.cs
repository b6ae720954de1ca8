namespace DurableTasks.Client;

/// <summary>An instance with this id exists (and, for a deduplicated start, has another name or input).</summary>
public sealed class OrchestrationAlreadyExistsException(string instanceId, string reason)
    : InvalidOperationException($"Orchestration instance '{instanceId}' already exists: {reason}.")
{
    public string InstanceId { get; } = instanceId;
}
