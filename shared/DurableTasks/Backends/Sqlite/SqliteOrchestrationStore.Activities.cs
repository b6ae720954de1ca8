using P = Microsoft.DurableTask.Protobuf;

namespace DurableTasks.Backends.Sqlite;

public sealed partial class SqliteOrchestrationStore
{
    public async Task<IReadOnlyList<ActivityWorkItem>> LockActivitiesAsync(int max, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        var now = timeProvider.GetUtcNow().UtcTicks;
        var wall = wallClock.GetUtcNow().UtcTicks;
        var token = Guid.NewGuid().ToString("N");
        var rows = await WriteAsync(tx =>
        {
            var claim = tx.Statement("""
                UPDATE activities SET lock_token = $tok, locked_until = $until, dequeue_count = dequeue_count + 1
                WHERE message_id IN (SELECT message_id FROM activities INDEXED BY ix_activities_due WHERE visible_at <= $now AND locked_until <= $wall ORDER BY visible_at LIMIT $max)
                RETURNING message_id, body, dequeue_count
                """)
                .Bind("$tok", token)
                .Bind("$until", wall + lease.Ticks)
                .Bind("$now", now)
                .Bind("$wall", wall)
                .Bind("$max", max);
            var claimed = new List<(string MessageId, byte[] Body, int DequeueCount)>();
            foreach (var row in claim.Rows()) claimed.Add((row.GetString(0), row.GetBlob(1), row.GetInt32(2)));
            return claimed;
        }, cancellationToken, signal: false);
        // Parsed here, on the caller's thread, not by the writer.
        return rows.ConvertAll(r => new ActivityWorkItem(new ActivityMessage(r.MessageId, P.ActivityRequest.Parser.ParseFrom(r.Body)), token, r.DequeueCount));
    }

    public Task<IReadOnlyList<bool>> CompleteActivitiesAsync(IReadOnlyList<ActivityCompletion> completions, CancellationToken cancellationToken = default)
    {
        if (completions.Count == 0) return Task.FromResult<IReadOnlyList<bool>>([]);
        var results = EncodedMessage.Of(completions.Select(c => c.Result).ToList());
        return WriteAsync<IReadOnlyList<bool>>(tx =>
        {
            // One statement deletes the batch's requests still held by their lock; only those results are recorded (a
            // request whose lease ran out belongs to whoever runs it again).
            var owned = new HashSet<string>(StringComparer.Ordinal);
            for (var start = 0; start < completions.Count; start += MaxRowsPerStatement)
            {
                var rows = Math.Min(MaxRowsPerStatement, completions.Count - start);
                var delete = tx.Statement(Sql.DeleteOwnedActivities(rows));
                for (var i = 0; i < rows; i++)
                {
                    delete.Bind(Sql.Name("$m", i), completions[start + i].WorkItem.Message.MessageId);
                    delete.Bind(Sql.Name("$t", i), completions[start + i].WorkItem.LockToken);
                }
                foreach (var row in delete.Rows()) owned.Add(row.GetString(0));
            }
            var recorded = completions.Select(c => owned.Contains(c.WorkItem.Message.MessageId)).ToList();
            InsertMessages(tx, results.Where((_, i) => recorded[i]).ToList());
            return recorded;
        }, cancellationToken);
    }

    public Task AbandonActivityAsync(ActivityWorkItem workItem, CancellationToken cancellationToken = default) =>
        WriteAsync(tx => tx.Statement("UPDATE activities SET lock_token = NULL, locked_until = 0 WHERE message_id = $mid AND lock_token = $tok")
            .Bind("$mid", workItem.Message.MessageId)
            .Bind("$tok", workItem.LockToken)
            .Execute(), cancellationToken);
}
