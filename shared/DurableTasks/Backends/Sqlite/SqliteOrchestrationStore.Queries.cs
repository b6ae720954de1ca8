using System.Globalization;
using System.Text;

namespace DurableTasks.Backends.Sqlite;

public sealed partial class SqliteOrchestrationStore
{
    public Task<InstancePage> QueryInstancesAsync(InstanceQuery query, CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        // Walk the (created_at, instance_id) index in order so a page costs its own rows, not a sort of every match:
        // with the status index SQLite sorted all running instances (custom status included) for every page.
        var sql = new StringBuilder($"SELECT {InstanceColumns} FROM instances INDEXED BY ix_instances_created WHERE 1 = 1");
        if (query.Statuses is { Count: > 0 } statuses)
        {
            sql.Append(" AND status IN (").AppendJoin(", ", statuses.Select(s => ((int)s).ToString(CultureInfo.InvariantCulture))).Append(')');
        }
        if (query.CreatedFrom is { } from)
        {
            sql.Append(" AND created_at >= $from");
            command.Parameters.AddWithValue("$from", from.UtcTicks);
        }
        if (query.CreatedTo is { } to)
        {
            sql.Append(" AND created_at <= $to");
            command.Parameters.AddWithValue("$to", to.UtcTicks);
        }
        if (query.InstanceIdPrefix is { } prefix)
        {
            sql.Append(" AND substr(instance_id, 1, length($prefix)) = $prefix");
            command.Parameters.AddWithValue("$prefix", prefix);
        }
        if (query.ContinuationToken is { } token)
        {
            // Keyset paging: the token is the last row's (created_at, instance_id).
            var separator = token.IndexOf('|', StringComparison.Ordinal);
            if (separator < 0 || !long.TryParse(token.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture, out var afterCreated))
            {
                throw new ArgumentException("The continuation token is not one this store issued.", nameof(query));
            }
            sql.Append(" AND (created_at, instance_id) > ($ac, $ai)");
            command.Parameters.AddWithValue("$ac", afterCreated);
            command.Parameters.AddWithValue("$ai", token[(separator + 1)..]);
        }
        sql.Append(" ORDER BY created_at, instance_id LIMIT $limit");
        command.Parameters.AddWithValue("$limit", query.PageSize + 1);
        command.CommandText = sql.ToString();

        var rows = new List<InstanceRecord>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read()) rows.Add(ReadInstance(new ReaderRow(reader)));
        }
        string? next = null;
        if (rows.Count > query.PageSize)
        {
            rows.RemoveAt(rows.Count - 1);
            var last = rows[^1];
            next = string.Create(CultureInfo.InvariantCulture, $"{last.CreatedAt.UtcTicks}|{last.InstanceId}");
        }
        return Task.FromResult(new InstancePage(rows, next));
    }

    public Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default) =>
        WriteAsync(tx =>
        {
            var status = tx.Statement("SELECT status FROM instances WHERE instance_id = $id").Bind("$id", instanceId).ScalarInt64();
            if (status is not { } value || !((Microsoft.DurableTask.Client.OrchestrationRuntimeStatus)value).IsTerminal()) return false;
            foreach (var table in new[] { "instances", "history", "messages", "delivered_events" })
            {
                tx.Statement($"DELETE FROM {table} WHERE instance_id = $id").Bind("$id", instanceId).Execute();
            }
            DeleteActivitiesOf(tx, instanceId);
            return true;
        }, cancellationToken);
}
