using Approvals.Azure.Tables;

namespace Approvals.Azure.Engine;

/// <summary>
/// Splits actions into entity-group transactions the service accepts: at most 100 actions and a request body well
/// under the 4 MiB limit (estimated from the string properties, three UTF-8 bytes per character at worst).
/// </summary>
internal static class TableBatches
{
    public const int MaxActions = 100;
    public const long MaxBytes = 3 * 1024 * 1024;

    public static long EstimateBytes(TableEntity entity) =>
        1024 + 3L * (entity.PartitionKey.Length + entity.RowKey.Length + entity.Properties.Values.OfType<string>().Sum(s => (long)s.Length));

    public static IEnumerable<List<TableTransactionAction>> Split(IEnumerable<TableTransactionAction> actions, int maxActions = MaxActions, long maxBytes = MaxBytes)
    {
        var batch = new List<TableTransactionAction>();
        long bytes = 0;
        foreach (var action in actions)
        {
            var size = EstimateBytes(action.Entity);
            if (batch.Count > 0 && (batch.Count >= maxActions || bytes + size > maxBytes))
            {
                yield return batch;
                batch = [];
                bytes = 0;
            }
            batch.Add(action);
            bytes += size;
        }
        if (batch.Count > 0) yield return batch;
    }
}
