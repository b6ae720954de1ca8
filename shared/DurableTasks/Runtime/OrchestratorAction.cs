namespace DurableTasks.Runtime;

/// <summary>What a step of orchestrator code asked for.</summary>
internal enum ActionKind
{
    Activity,
    Timer,
    SubOrchestration,
}

/// <summary>One durable call issued by orchestrator code, matched against history on replay.</summary>
internal sealed class OrchestratorAction
{
    public required int TaskId { get; init; }
    public required ActionKind Kind { get; init; }
    public required string Name { get; init; }
    public string? Input { get; init; }
    public DateTimeOffset FireAt { get; init; }
    public string? ChildInstanceId { get; init; }

    /// <summary>True once a history event records this action (replayed, or committed earlier).</summary>
    public bool InHistory { get; set; }

    /// <summary>A timer cancelled by the code; its message must not be sent (or must be withdrawn).</summary>
    public bool Cancelled { get; set; }

    public string Describe() => Kind switch
    {
        ActionKind.Activity => $"activity '{Name}'",
        ActionKind.Timer => "a timer",
        _ => $"sub-orchestration '{Name}'",
    };
}
