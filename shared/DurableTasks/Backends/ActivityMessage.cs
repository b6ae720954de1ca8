namespace DurableTasks.Backends;

/// <summary>A request to run activity <see cref="Name"/> for step <see cref="TaskId"/> of an orchestration execution.</summary>
public sealed record ActivityMessage(string MessageId, string InstanceId, string ExecutionId, int TaskId, string Name, string? Input);
