using Approvals.Azure.Storage;

namespace Approvals.Azure.Tables;

/// <summary>
/// An entity group transaction the service rolled back: nothing of it was applied. <see cref="FailedActionIndex"/>
/// names the action that failed when the service says so; Status and ErrorCode are that action's
/// (412 UpdateConditionNotSatisfied, 409 EntityAlreadyExists, 404 ResourceNotFound ...).
/// </summary>
public sealed class TableTransactionFailedException(int status, string? errorCode, int? failedActionIndex, string message)
    : StorageRequestFailedException(status, errorCode, message)
{
    public int? FailedActionIndex { get; } = failedActionIndex;
}
