namespace DurableTasks.Backends;

/// <summary>An executed activity: its work item is deleted and its result message sent, together.</summary>
public sealed record ActivityCompletion(ActivityWorkItem WorkItem, OrchestrationMessage Result);
