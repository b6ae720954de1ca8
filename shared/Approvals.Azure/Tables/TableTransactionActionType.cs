namespace Approvals.Azure.Tables;

/// <summary>The operations an entity group transaction may hold.</summary>
public enum TableTransactionActionType
{
    /// <summary>Insert; fails with 409 EntityAlreadyExists when the row exists.</summary>
    Add,

    /// <summary>Update merging properties; requires the row (If-Match: the given ETag, or * when none).</summary>
    UpdateMerge,

    /// <summary>Update replacing the row; requires the row (If-Match: the given ETag, or * when none).</summary>
    UpdateReplace,

    /// <summary>Insert or merge (no condition).</summary>
    UpsertMerge,

    /// <summary>Insert or replace (no condition).</summary>
    UpsertReplace,

    /// <summary>Delete (If-Match: the given ETag, or * when none).</summary>
    Delete,
}
