namespace DurableTasks.Abstractions;

/// <summary>Options for one activity or sub-orchestration call.</summary>
public record TaskOptions
{
    /// <summary>Retry on failure; null means one attempt.</summary>
    public RetryPolicy? Retry { get; init; }

    /// <summary>Shorthand for options with a retry policy.</summary>
    public static TaskOptions FromRetryPolicy(RetryPolicy policy) => new() { Retry = policy };
}
