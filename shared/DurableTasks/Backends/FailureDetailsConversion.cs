using Microsoft.DurableTask;
using P = Microsoft.DurableTask.Protobuf;

namespace DurableTasks.Backends;

/// <summary>Between the client's <see cref="TaskFailureDetails"/> and the protobuf shape the runtime and the history use.</summary>
public static class FailureDetailsConversion
{
    public static P.TaskFailureDetails ToProto(this TaskFailureDetails failure)
    {
        var proto = new P.TaskFailureDetails { ErrorType = failure.ErrorType ?? string.Empty, ErrorMessage = failure.ErrorMessage ?? string.Empty };
        if (failure.StackTrace is not null) proto.StackTrace = failure.StackTrace;
        if (failure.InnerFailure is not null) proto.InnerFailure = failure.InnerFailure.ToProto();
        return proto;
    }

    public static TaskFailureDetails ToClient(this P.TaskFailureDetails proto) =>
        new(proto.ErrorType, proto.ErrorMessage, proto.StackTrace, proto.InnerFailure?.ToClient(), null);

    /// <summary>The failure an exception stands for, inner exceptions included.</summary>
    public static P.TaskFailureDetails FromException(Exception exception)
    {
        var proto = new P.TaskFailureDetails
        {
            ErrorType = exception.GetType().FullName ?? exception.GetType().Name,
            ErrorMessage = exception.Message,
        };
        if (exception.StackTrace is not null) proto.StackTrace = exception.StackTrace;
        if (exception.InnerException is not null) proto.InnerFailure = FromException(exception.InnerException);
        return proto;
    }
}
