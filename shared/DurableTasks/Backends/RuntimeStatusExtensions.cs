using Microsoft.DurableTask.Client;

namespace DurableTasks.Backends;

/// <summary>Which runtime statuses are final.</summary>
public static class RuntimeStatusExtensions
{
    /// <summary>Completed, failed or terminated: the instance takes no more events.</summary>
    public static bool IsTerminal(this OrchestrationRuntimeStatus status) => status is OrchestrationRuntimeStatus.Completed
        or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated;
}
