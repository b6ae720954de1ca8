namespace DurableTasks.Abstractions;

/// <summary>The lifecycle state of an orchestration instance.</summary>
public enum OrchestrationRuntimeStatus
{
    /// <summary>Scheduled, no episode has run yet.</summary>
    Pending,
    /// <summary>Started and not finished (possibly waiting on timers, events or activities).</summary>
    Running,
    /// <summary>Returned normally; the output is set.</summary>
    Completed,
    /// <summary>Threw, or failed by a non-determinism error; the failure details are set.</summary>
    Failed,
    /// <summary>Stopped by a client.</summary>
    Terminated,
}

/// <summary>Helpers on <see cref="OrchestrationRuntimeStatus"/>.</summary>
public static class OrchestrationRuntimeStatusExtensions
{
    /// <summary>True once the instance will never run again.</summary>
    public static bool IsTerminal(this OrchestrationRuntimeStatus status) =>
        status is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated;
}
