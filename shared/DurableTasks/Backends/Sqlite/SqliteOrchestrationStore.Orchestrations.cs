using System.Text.Json;
using DurableTasks.Abstractions;
using Microsoft.Data.Sqlite;

namespace DurableTasks.Backends.Sqlite;

public sealed partial class SqliteOrchestrationStore
{
    public Task<IReadOnlyList<OrchestrationWorkItem>> LockOrchestrationsAsync(int max, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        var now = timeProvider.GetUtcNow().UtcTicks;
        var token = Guid.NewGuid().ToString("N");
        return WriteAsync<IReadOnlyList<OrchestrationWorkItem>>(tx =>
        {
            var candidates = new List<string>();
            var find = Command(tx, """
                SELECT DISTINCT m.instance_id FROM messages m
                JOIN instances i ON i.instance_id = m.instance_id
                WHERE m.kind = 0 AND m.visible_at <= $now AND i.locked_until <= $now
                LIMIT $max
                """);
            With(find, "$now", now);
            With(find, "$max", max);
            using (var reader = find.ExecuteReader())
            {
                while (reader.Read()) candidates.Add(reader.GetString(0));
            }

            var items = new List<OrchestrationWorkItem>(candidates.Count);
            foreach (var instanceId in candidates)
            {
                var claim = Command(tx, $"UPDATE instances SET lock_token = $tok, locked_until = $until WHERE instance_id = $id RETURNING {InstanceColumns}");
                With(claim, "$tok", token);
                With(claim, "$until", now + lease.Ticks);
                With(claim, "$id", instanceId);
                InstanceRecord instance;
                using (var reader = claim.ExecuteReader())
                {
                    reader.Read();
                    instance = ReadInstance(reader);
                }

                var fetch = Command(tx, "SELECT body FROM messages INDEXED BY ix_messages_instance WHERE instance_id = $id AND kind = 0 AND visible_at <= $now ORDER BY seq");
                With(fetch, "$id", instanceId);
                With(fetch, "$now", now);
                var messages = new List<OrchestrationMessage>();
                using (var reader = fetch.ExecuteReader())
                {
                    while (reader.Read()) messages.Add(JsonSerializer.Deserialize(reader.GetString(0), EngineJsonContext.Default.OrchestrationMessage)!);
                }
                items.Add(new OrchestrationWorkItem(instance, messages, token));
            }
            return items;
        }, cancellationToken, signal: false);
    }

    public Task<IReadOnlyList<bool>> CompleteOrchestrationsAsync(IReadOnlyList<OrchestrationCommit> commits, CancellationToken cancellationToken = default)
    {
        if (commits.Count == 0) return Task.FromResult<IReadOnlyList<bool>>([]);
        var now = timeProvider.GetUtcNow().UtcTicks;
        return WriteAsync<IReadOnlyList<bool>>(tx =>
        {
            var results = new List<bool>(commits.Count);
            foreach (var commit in commits) results.Add(Apply(tx, commit, now));
            return results;
        }, cancellationToken);
    }

    public Task AbandonOrchestrationAsync(OrchestrationWorkItem workItem, CancellationToken cancellationToken = default) =>
        WriteAsync(tx =>
        {
            var release = Command(tx, "UPDATE instances SET lock_token = NULL, locked_until = 0 WHERE instance_id = $id AND lock_token = $tok");
            With(release, "$id", workItem.Instance.InstanceId);
            With(release, "$tok", workItem.LockToken);
            return release.ExecuteNonQuery();
        }, cancellationToken);

    private bool Apply(SqliteTransaction tx, OrchestrationCommit commit, long now)
    {
        var check = Command(tx, "SELECT history_count FROM instances WHERE instance_id = $id AND lock_token = $tok");
        With(check, "$id", commit.InstanceId);
        With(check, "$tok", commit.WorkItem.LockToken);
        if (check.ExecuteScalar() is not long historyCount) return false;

        if (commit.ResetHistory)
        {
            foreach (var table in new[] { "history", "payloads" })
            {
                With(Command(tx, $"DELETE FROM {table} WHERE instance_id = $id"), "$id", commit.InstanceId).ExecuteNonQuery();
            }
            historyCount = 0;
        }

        foreach (var e in commit.NewEvents)
        {
            var json = JsonSerializer.Serialize(e, EngineJsonContext.Default.HistoryEvent);
            var seq = historyCount++;
            if (json.Length > options.MaxInlinePayloadChars)
            {
                var payload = Command(tx, "INSERT INTO payloads (instance_id, seq, data) VALUES ($id, $seq, $data)");
                With(payload, "$id", commit.InstanceId);
                With(payload, "$seq", seq);
                With(payload, "$data", json);
                payload.ExecuteNonQuery();
                json = SqliteSchema.PayloadMarker;
            }
            var append = Command(tx, "INSERT INTO history (instance_id, seq, event) VALUES ($id, $seq, $event)");
            With(append, "$id", commit.InstanceId);
            With(append, "$seq", seq);
            With(append, "$event", json);
            append.ExecuteNonQuery();
        }

        var update = Command(tx, """
            UPDATE instances SET execution_id = $exec, status = $status, input = COALESCE($input, input), output = $output,
                custom_status = $custom, failure = $failure, updated_at = $now, completed_at = $completed,
                history_count = $count, lock_token = NULL, locked_until = 0
            WHERE instance_id = $id
            """);
        With(update, "$exec", commit.ExecutionId);
        With(update, "$status", (int)commit.Status);
        With(update, "$input", commit.Input);
        With(update, "$output", commit.Output);
        With(update, "$custom", commit.CustomStatus);
        With(update, "$failure", commit.Failure is null ? null : JsonSerializer.Serialize(commit.Failure, EngineJsonContext.Default.TaskFailureDetails));
        With(update, "$now", now);
        With(update, "$completed", commit.Status.IsTerminal() ? now : null);
        With(update, "$count", historyCount);
        With(update, "$id", commit.InstanceId);
        update.ExecuteNonQuery();

        foreach (var messageId in commit.WorkItem.Messages.Select(m => m.MessageId).Concat(commit.WithdrawnMessageIds))
        {
            With(Command(tx, "DELETE FROM messages WHERE message_id = $mid"), "$mid", messageId).ExecuteNonQuery();
        }
        foreach (var child in commit.NewInstances) InsertInstance(tx, child);
        foreach (var m in commit.OrchestrationMessages) InsertMessage(tx, m);
        foreach (var a in commit.ActivityMessages)
        {
            InsertRawMessage(tx, a.MessageId, SqliteSchema.ActivityKind, a.InstanceId, new DateTimeOffset(now, TimeSpan.Zero),
                JsonSerializer.Serialize(a, EngineJsonContext.Default.ActivityMessage));
        }
        return true;
    }
}
