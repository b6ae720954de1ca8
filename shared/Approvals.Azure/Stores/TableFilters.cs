using Azure.Data.Tables;

namespace Approvals.Azure.Stores;

/// <summary>The OData filters the stores query with, built by the SDK so literals are escaped (a <c>'</c> doubled).</summary>
internal static class TableFilters
{
    /// <summary>Every row of one partition.</summary>
    public static string PartitionIs(string partitionKey) => TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}");
}
