using Google.Protobuf;
using Microsoft.Data.Sqlite;

namespace DurableTasks.Backends.Sqlite;

public sealed partial class SqliteOrchestrationStore
{
    public Task<IReadOnlyList<OrchestrationWorkItem>> LockOrchestrationsAsync(int max, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        var now = timeProvider.GetUtcNow().UtcTicks;
        var wall = wallClock.GetUtcNow().UtcTicks;
        var token = Guid.NewGuid().ToString("N");
        return WriteAsync<IReadOnlyList<OrchestrationWorkItem>>(tx =>
        {
            var candidates = new List<string>();
            var find = Command(tx, """
                SELECT DISTINCT m.instance_id FROM messages m INDEXED BY ix_messages_due
                JOIN instances i ON i.instance_id = m.instance_id
                WHERE m.kind = 0 AND m.visible_at <= $now AND i.locked_until <= $wall
                LIMIT $max
                """);
            With(find, "$now", now);
            With(find, "$wall", wall);
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
                With(claim, "$until", wall + lease.Ticks);
                With(claim, "$id", instanceId);
                InstanceRecord instance;
                using (var reader = claim.ExecuteReader())
                {
                    reader.Read();
                    instance = ReadInstance(reader);
                }

                var fetch = Command(tx, $"SELECT {MessageColumns} FROM messages INDEXED BY ix_messages_instance WHERE instance_id = $id AND kind = 0 AND visible_at <= $now ORDER BY seq");
                With(fetch, "$id", instanceId);
                With(fetch, "$now", now);
                var messages = new List<OrchestrationMessage>();
                using (var reader = fetch.ExecuteReader())
                {
                    while (reader.Read()) messages.Add(ReadMessage(reader, 0));
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
            With(Command(tx, "DELETE FROM history WHERE instance_id = $id"), "$id", commit.InstanceId).ExecuteNonQuery();
            historyCount = 0;
        }

        foreach (var e in commit.NewEvents)
        {
            var append = Command(tx, "INSERT INTO history (instance_id, seq, event) VALUES ($id, $seq, $event)");
            With(append, "$id", commit.InstanceId);
            With(append, "$seq", historyCount++);
            With(append, "$event", e.ToByteArray());
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
        With(update, "$failure", commit.Failure?.ToProto().ToByteArray());
        With(update, "$now", now);
        With(update, "$completed", commit.Status.IsTerminal() ? now : null);
        With(update, "$count", historyCount);
        With(update, "$id", commit.InstanceId);
        update.ExecuteNonQuery();

        foreach (var consumed in commit.WorkItem.Messages)
        {
            With(Command(tx, "DELETE FROM messages WHERE message_id = $mid"), "$mid", consumed.MessageId).ExecuteNonQuery();
            if (consumed.RememberAfterDelivery)
            {
                var remember = Command(tx, "INSERT OR IGNORE INTO delivered_events (instance_id, message_id) VALUES ($id, $mid)");
                With(remember, "$id", commit.InstanceId);
                With(remember, "$mid", consumed.MessageId);
                remember.ExecuteNonQuery();
            }
        }
        if (commit.DropPendingMessages)
        {
            var drop = Command(tx, "DELETE FROM messages WHERE instance_id = $id AND (kind = 1 OR visible_at > $now)");
            With(drop, "$id", commit.InstanceId);
            With(drop, "$now", now);
            drop.ExecuteNonQuery();
        }
        foreach (var child in commit.NewInstances) InsertInstance(tx, child);
        foreach (var m in commit.OrchestrationMessages) InsertMessage(tx, m);
        foreach (var a in commit.ActivityMessages) InsertActivity(tx, a, now);
        return true;
    }
}
