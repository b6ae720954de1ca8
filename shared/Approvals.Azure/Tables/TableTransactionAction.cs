using Azure;

namespace Approvals.Azure.Tables;

/// <summary>
/// One operation of an entity group transaction. <paramref name="IfMatch"/> guards updates and deletes; default means
/// unconditional (<c>*</c>).
/// </summary>
public sealed record TableTransactionAction(TableTransactionActionType ActionType, TableEntity Entity, ETag IfMatch = default);
