namespace DurableTasks.Backends;

/// <summary>An activity request locked by one worker until it completes or its lease runs out.</summary>
public sealed record ActivityWorkItem(ActivityMessage Message, string LockToken, int DequeueCount);
