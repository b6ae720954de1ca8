namespace DurableTasks.Backends;

/// <summary>An instance locked by one worker for one episode, with the messages it will consume.</summary>
public sealed record OrchestrationWorkItem(InstanceRecord Instance, IReadOnlyList<OrchestrationMessage> Messages, string LockToken);
