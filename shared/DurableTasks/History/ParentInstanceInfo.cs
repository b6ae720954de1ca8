namespace DurableTasks.History;

/// <summary>Where a sub-orchestration reports back: the parent's instance, execution and step.</summary>
public sealed record ParentInstanceInfo(string InstanceId, string ExecutionId, int TaskScheduledId);
