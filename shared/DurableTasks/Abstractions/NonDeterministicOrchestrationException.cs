namespace DurableTasks.Abstractions;

/// <summary>
/// A replay took a different path than the recorded history: the orchestrator code changed, or read
/// something non-deterministic (wall clock, random, I/O). The instance is failed with this error.
/// </summary>
public sealed class NonDeterministicOrchestrationException : Exception
{
    public NonDeterministicOrchestrationException(int step, string expected, string actual)
        : base($"Non-deterministic orchestration at step #{step}: history has {expected}, but the orchestrator code {actual}.")
    {
        Step = step;
        Expected = expected;
        Actual = actual;
    }

    /// <summary>The history step (task id) at which replay diverged.</summary>
    public int Step { get; }

    /// <summary>What the history recorded.</summary>
    public string Expected { get; }

    /// <summary>What the code did on replay.</summary>
    public string Actual { get; }
}
