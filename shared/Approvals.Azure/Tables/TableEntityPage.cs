namespace Approvals.Azure.Tables;

/// <summary>One page of a query; <see cref="ContinuationToken"/> is null on the last page.</summary>
public sealed record TableEntityPage(IReadOnlyList<TableEntity> Items, TableContinuationToken? ContinuationToken);
