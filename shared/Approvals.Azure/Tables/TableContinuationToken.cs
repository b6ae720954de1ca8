namespace Approvals.Azure.Tables;

/// <summary>Where the next page of a query starts (the service's x-ms-continuation-NextPartitionKey / NextRowKey).</summary>
public sealed record TableContinuationToken(string NextPartitionKey, string? NextRowKey);
