namespace DurableTasks.Client;

/// <summary>How to start an instance.</summary>
public sealed record StartOrchestrationOptions
{
    /// <summary>The caller's instance id (e.g. an application number); a new GUID when null.</summary>
    public string? InstanceId { get; init; }

    /// <summary>Start later: the first episode runs at this time.</summary>
    public DateTimeOffset? StartAt { get; init; }

    /// <summary>
    /// When the id exists already: false (default) throws <see cref="OrchestrationAlreadyExistsException"/>;
    /// true returns the existing id if it runs the same orchestrator with the same input (an idempotent retry),
    /// and still throws if either differs.
    /// </summary>
    public bool DedupeIdenticalRequests { get; init; }
}
