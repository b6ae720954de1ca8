using Google.Protobuf;
using Microsoft.Data.Sqlite;

namespace DurableTasks.Backends.Sqlite;

public sealed partial class SqliteOrchestrationStore
{
    public Task<IReadOnlyList<OrchestrationWorkItem>> LockOrchestrationsAsync(int max, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        max = Math.Clamp(max, 1, Sql.MaxBatch);
        var now = timeProvider.GetUtcNow().UtcTicks;
        var wall = wallClock.GetUtcNow().UtcTicks;
        var token = Guid.NewGuid().ToString("N");
        return WriteAsync<IReadOnlyList<OrchestrationWorkItem>>(tx =>
        {
            var candidates = new List<string>();
            var find = Command(tx, """
                SELECT DISTINCT m.instance_id FROM messages m INDEXED BY ix_messages_due
                JOIN instances i ON i.instance_id = m.instance_id
                WHERE m.visible_at <= $now AND i.locked_until <= $wall
                LIMIT $max
                """);
            With(find, "$now", now);
            With(find, "$wall", wall);
            With(find, "$max", max);
            using (var reader = find.ExecuteReader())
            {
                while (reader.Read()) candidates.Add(reader.GetString(0));
            }

            if (candidates.Count == 0) return [];
            // One statement claims the batch, one reads all of its visible messages: not two per instance.
            var instances = new Dictionary<string, InstanceRecord>(candidates.Count, StringComparer.Ordinal);
            var claim = Command(tx, Sql.ClaimInstances(candidates.Count));
            With(claim, "$tok", token);
            With(claim, "$until", wall + lease.Ticks);
            for (var i = 0; i < candidates.Count; i++) With(claim, $"$i{i}", candidates[i]);
            using (var reader = claim.ExecuteReader())
            {
                while (reader.Read())
                {
                    var instance = ReadInstance(reader);
                    instances[instance.InstanceId] = instance;
                }
            }

            var messages = candidates.ToDictionary(id => id, _ => new List<(long Seq, OrchestrationMessage Message)>(), StringComparer.Ordinal);
            var fetch = Command(tx, Sql.FetchMessages(candidates.Count));
            for (var i = 0; i < candidates.Count; i++) With(fetch, $"$i{i}", candidates[i]);
            With(fetch, "$now", now);
            using (var reader = fetch.ExecuteReader())
            {
                while (reader.Read())
                {
                    var message = ReadMessage(reader, 0);
                    messages[message.InstanceId].Add((reader.GetInt64(6), message));
                }
            }
            var items = candidates.Where(instances.ContainsKey).Select(id => new OrchestrationWorkItem(instances[id], InArrivalOrder(messages[id]), token)).ToList();
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

    public Task AbandonOrchestrationAsync(OrchestrationWorkItem workItem, TimeSpan retryAfter, CancellationToken cancellationToken = default) =>
        WriteAsync(tx =>
        {
            var release = Command(tx, "UPDATE instances SET lock_token = NULL, locked_until = $until WHERE instance_id = $id AND lock_token = $tok");
            With(release, "$until", retryAfter > TimeSpan.Zero ? wallClock.GetUtcNow().UtcTicks + retryAfter.Ticks : 0);
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

        if (commit.NewEvents.Count > 0)
        {
            // One row per episode: its events length-delimited, keyed by the index of its first event.
            var append = Command(tx, "INSERT INTO history (instance_id, seq, event) VALUES ($id, $seq, $events)");
            With(append, "$id", commit.InstanceId);
            With(append, "$seq", historyCount);
            With(append, "$events", HistoryRows.Encode(commit.NewEvents));
            append.ExecuteNonQuery();
            historyCount += commit.NewEvents.Count;
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

        var consumedMessages = commit.WorkItem.Messages;
        for (var start = 0; start < consumedMessages.Count; start += MaxRowsPerStatement)
        {
            var rows = Math.Min(MaxRowsPerStatement, consumedMessages.Count - start);
            var delete = Command(tx, Sql.DeleteMessages(rows));
            With(delete, "$id", commit.InstanceId);
            for (var i = 0; i < rows; i++) With(delete, $"$m{i}", consumedMessages[start + i].MessageId);
            delete.ExecuteNonQuery();
        }
        foreach (var remembered in consumedMessages.Where(m => m.RememberAfterDelivery))
        {
            var remember = Command(tx, "INSERT OR IGNORE INTO delivered_events (instance_id, message_id) VALUES ($id, $mid)");
            With(remember, "$id", commit.InstanceId);
            With(remember, "$mid", remembered.MessageId);
            remember.ExecuteNonQuery();
        }
        if (commit.DropPendingMessages)
        {
            var drop = Command(tx, "DELETE FROM messages WHERE instance_id = $id AND visible_at > $now");
            With(drop, "$id", commit.InstanceId);
            With(drop, "$now", now);
            drop.ExecuteNonQuery();
            DeleteActivitiesOf(tx, commit.InstanceId);
        }
        foreach (var child in commit.NewInstances) InsertInstance(tx, child);
        InsertMessages(tx, commit.OrchestrationMessages);
        InsertActivities(tx, commit.ActivityMessages, now);
        return true;
    }

    private static List<OrchestrationMessage> InArrivalOrder(List<(long Seq, OrchestrationMessage Message)> messages)
    {
        messages.Sort((a, b) => a.Seq.CompareTo(b.Seq));
        return messages.ConvertAll(m => m.Message);
    }
}
