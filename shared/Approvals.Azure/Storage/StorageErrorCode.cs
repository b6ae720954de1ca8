namespace Approvals.Azure.Storage;

/// <summary>
/// Service error codes (the <c>x-ms-error-code</c> header) that callers branch on, so code compares constants
/// rather than strings spelled in many places.
/// </summary>
public static class StorageErrorCode
{
    public const string ContainerAlreadyExists = "ContainerAlreadyExists";
    public const string ContainerNotFound = "ContainerNotFound";
    public const string BlobAlreadyExists = "BlobAlreadyExists";
    public const string BlobNotFound = "BlobNotFound";
    public const string ConditionNotMet = "ConditionNotMet";
    public const string Md5Mismatch = "Md5Mismatch";
    public const string InvalidBlockList = "InvalidBlockList";
    public const string TableAlreadyExists = "TableAlreadyExists";
    public const string TableNotFound = "TableNotFound";
    public const string EntityAlreadyExists = "EntityAlreadyExists";
    public const string ResourceNotFound = "ResourceNotFound";
    public const string UpdateConditionNotSatisfied = "UpdateConditionNotSatisfied";
    public const string QueueAlreadyExists = "QueueAlreadyExists";
    public const string QueueNotFound = "QueueNotFound";
    public const string MessageNotFound = "MessageNotFound";
    public const string PopReceiptMismatch = "PopReceiptMismatch";
    public const string AuthenticationFailed = "AuthenticationFailed";

    /// <summary>What Azurite answers (403) where Azure says <see cref="AuthenticationFailed"/> for a bad signature.</summary>
    public const string AuthorizationFailure = "AuthorizationFailure";
}
