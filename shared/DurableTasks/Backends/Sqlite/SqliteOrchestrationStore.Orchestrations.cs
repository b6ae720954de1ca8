
namespace DurableTasks.Backends.Sqlite;

public sealed partial class SqliteOrchestrationStore
{
    public async Task<IReadOnlyList<OrchestrationWorkItem>> LockOrchestrationsAsync(int max, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        max = Math.Clamp(max, 1, Sql.MaxBatch);
        var now = timeProvider.GetUtcNow().UtcTicks;
        var wall = wallClock.GetUtcNow().UtcTicks;
        var token = Guid.NewGuid().ToString("N");
        var (candidates, instances, rows) = await WriteAsync(tx =>
        {
            var candidates = new List<string>();
            var find = tx.Statement("""
                SELECT DISTINCT m.instance_id FROM messages m INDEXED BY ix_messages_due
                JOIN instances i ON i.instance_id = m.instance_id
                WHERE m.visible_at <= $now AND i.locked_until <= $wall
                LIMIT $max
                """).Bind("$now", now).Bind("$wall", wall).Bind("$max", max);
            foreach (var row in find.Rows()) candidates.Add(row.GetString(0));

            var instances = new Dictionary<string, InstanceRecord>(candidates.Count, StringComparer.Ordinal);
            var messages = new List<MessageRow>();
            if (candidates.Count == 0) return (candidates, instances, messages);
            // One statement claims the batch, one reads all of its visible messages: not two per instance.
            var claim = tx.Statement(Sql.ClaimInstances(candidates.Count)).Bind("$tok", token).Bind("$until", wall + lease.Ticks);
            for (var i = 0; i < candidates.Count; i++) claim.Bind(Sql.Name("$i", i), candidates[i]);
            foreach (var row in claim.Rows())
            {
                var instance = ReadInstance(row);
                instances[instance.InstanceId] = instance;
            }

            var fetch = tx.Statement(Sql.FetchMessages(candidates.Count)).Bind("$now", now);
            for (var i = 0; i < candidates.Count; i++) fetch.Bind(Sql.Name("$i", i), candidates[i]);
            foreach (var row in fetch.Rows()) messages.Add(MessageRow.Read(row));
            return (candidates, instances, messages);
        }, cancellationToken, signal: false);
        if (candidates.Count == 0) return [];

        // The bodies are parsed here, on the caller's thread, not by the writer.
        var byInstance = candidates.ToDictionary(id => id, _ => new List<MessageRow>(), StringComparer.Ordinal);
        foreach (var row in rows) byInstance[row.InstanceId].Add(row);
        return candidates.Where(instances.ContainsKey).Select(id => new OrchestrationWorkItem(instances[id], InArrivalOrder(byInstance[id]), token)).ToList();
    }

    public Task<IReadOnlyList<bool>> CompleteOrchestrationsAsync(IReadOnlyList<OrchestrationCommit> commits, CancellationToken cancellationToken = default)
    {
        if (commits.Count == 0) return Task.FromResult<IReadOnlyList<bool>>([]);
        var now = timeProvider.GetUtcNow().UtcTicks;
        var encoded = commits.Select(EncodedCommit.Of).ToList();
        return WriteAsync<IReadOnlyList<bool>>(tx =>
        {
            var results = new List<bool>(encoded.Count);
            foreach (var commit in encoded) results.Add(Apply(tx, commit, now));
            return results;
        }, cancellationToken);
    }

    public Task AbandonOrchestrationAsync(OrchestrationWorkItem workItem, TimeSpan retryAfter, CancellationToken cancellationToken = default) =>
        WriteAsync(tx => tx.Statement("UPDATE instances SET lock_token = NULL, locked_until = $until WHERE instance_id = $id AND lock_token = $tok")
            .Bind("$until", retryAfter > TimeSpan.Zero ? wallClock.GetUtcNow().UtcTicks + retryAfter.Ticks : 0)
            .Bind("$id", workItem.Instance.InstanceId)
            .Bind("$tok", workItem.LockToken)
            .Execute(), cancellationToken);

    private bool Apply(SqliteWriter tx, EncodedCommit encoded, long now)
    {
        var commit = encoded.Commit;
        var check = tx.Statement("SELECT history_count FROM instances WHERE instance_id = $id AND lock_token = $tok")
            .Bind("$id", commit.InstanceId)
            .Bind("$tok", commit.WorkItem.LockToken);
        if (check.ScalarInt64() is not { } historyCount) return false;

        if (commit.ResetHistory)
        {
            tx.Statement("DELETE FROM history WHERE instance_id = $id").Bind("$id", commit.InstanceId).Execute();
            historyCount = 0;
        }

        if (encoded.History is { } events)
        {
            // One row per episode: its events length-delimited, keyed by the index of its first event.
            tx.Statement("INSERT INTO history (instance_id, seq, event) VALUES ($id, $seq, $events)")
                .Bind("$id", commit.InstanceId)
                .Bind("$seq", historyCount)
                .Bind("$events", events)
                .Execute();
            historyCount += commit.NewEvents.Count;
        }

        tx.Statement("""
            UPDATE instances SET execution_id = $exec, status = $status, input = COALESCE($input, input), output = $output,
                custom_status = $custom, failure = $failure, updated_at = $now, completed_at = $completed,
                history_count = $count, lock_token = NULL, locked_until = 0
            WHERE instance_id = $id
            """)
            .Bind("$exec", commit.ExecutionId)
            .Bind("$status", (int)commit.Status)
            .Bind("$input", commit.Input)
            .Bind("$output", commit.Output)
            .Bind("$custom", commit.CustomStatus)
            .Bind("$failure", encoded.Failure)
            .Bind("$now", now)
            .Bind("$completed", commit.Status.IsTerminal() ? now : null)
            .Bind("$count", historyCount)
            .Bind("$id", commit.InstanceId)
            .Execute();

        var consumedMessages = commit.WorkItem.Messages;
        for (var start = 0; start < consumedMessages.Count; start += MaxRowsPerStatement)
        {
            var rows = Math.Min(MaxRowsPerStatement, consumedMessages.Count - start);
            var delete = tx.Statement(Sql.DeleteMessages(rows)).Bind("$id", commit.InstanceId);
            for (var i = 0; i < rows; i++) delete.Bind(Sql.Name("$m", i), consumedMessages[start + i].MessageId);
            delete.Execute();
        }
        foreach (var remembered in consumedMessages.Where(m => m.RememberAfterDelivery))
        {
            tx.Statement("INSERT OR IGNORE INTO delivered_events (instance_id, message_id) VALUES ($id, $mid)")
                .Bind("$id", commit.InstanceId)
                .Bind("$mid", remembered.MessageId)
                .Execute();
        }
        if (commit.DropPendingMessages)
        {
            tx.Statement("DELETE FROM messages WHERE instance_id = $id AND visible_at > $now").Bind("$id", commit.InstanceId).Bind("$now", now).Execute();
            DeleteActivitiesOf(tx, commit.InstanceId);
        }
        foreach (var child in commit.NewInstances) InsertInstance(tx, child);
        InsertMessages(tx, encoded.Messages);
        InsertActivities(tx, encoded.Activities, now);
        return true;
    }

    private static List<OrchestrationMessage> InArrivalOrder(List<MessageRow> rows)
    {
        rows.Sort((a, b) => a.Seq.CompareTo(b.Seq));
        return rows.ConvertAll(r => r.ToMessage());
    }
}
