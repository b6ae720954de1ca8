namespace DurableTasks.Abstractions;

/// <summary>
/// What went wrong in an activity, sub-orchestration or orchestration, in a form that survives
/// serialization into the history (exceptions themselves do not).
/// </summary>
public sealed record TaskFailureDetails(string ErrorType, string ErrorMessage, string? StackTrace = null, TaskFailureDetails? InnerFailure = null)
{
    /// <summary>Captures an exception, including its inner exception chain.</summary>
    public static TaskFailureDetails FromException(Exception exception)
    {
        if (exception is TaskFailedException failed)
        {
            return new TaskFailureDetails(failed.GetType().FullName!, failed.Message, failed.StackTrace, failed.FailureDetails);
        }
        return new TaskFailureDetails(
            exception.GetType().FullName ?? exception.GetType().Name,
            exception.Message,
            exception.StackTrace,
            exception.InnerException is null ? null : FromException(exception.InnerException));
    }

    /// <summary>True when this failure (or the one it wraps) was caused by an exception of type <typeparamref name="T"/>.</summary>
    public bool IsCausedBy<T>() where T : Exception
    {
        var name = typeof(T).FullName;
        for (var current = this; current is not null; current = current.InnerFailure)
        {
            if (current.ErrorType == name) return true;
        }
        return false;
    }

    /// <inheritdoc />
    public override string ToString() => $"{ErrorType}: {ErrorMessage}";
}
