using P = Microsoft.DurableTask.Protobuf;

namespace DurableTasks.Backends.Sqlite;

public sealed partial class SqliteOrchestrationStore
{
    public Task<IReadOnlyList<ActivityWorkItem>> LockActivitiesAsync(int max, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        var now = timeProvider.GetUtcNow().UtcTicks;
        var wall = wallClock.GetUtcNow().UtcTicks;
        var token = Guid.NewGuid().ToString("N");
        return WriteAsync<IReadOnlyList<ActivityWorkItem>>(tx =>
        {
            var claim = Command(tx, """
                UPDATE activities SET lock_token = $tok, locked_until = $until, dequeue_count = dequeue_count + 1
                WHERE message_id IN (SELECT message_id FROM activities INDEXED BY ix_activities_due WHERE visible_at <= $now AND locked_until <= $wall ORDER BY visible_at LIMIT $max)
                RETURNING message_id, body, dequeue_count
                """);
            With(claim, "$tok", token);
            With(claim, "$until", wall + lease.Ticks);
            With(claim, "$now", now);
            With(claim, "$wall", wall);
            With(claim, "$max", max);
            var items = new List<ActivityWorkItem>();
            using var reader = claim.ExecuteReader();
            while (reader.Read())
            {
                var request = P.ActivityRequest.Parser.ParseFrom((byte[])reader.GetValue(1));
                items.Add(new ActivityWorkItem(new ActivityMessage(reader.GetString(0), request), token, reader.GetInt32(2)));
            }
            return items;
        }, cancellationToken, signal: false);
    }

    public Task<IReadOnlyList<bool>> CompleteActivitiesAsync(IReadOnlyList<ActivityCompletion> completions, CancellationToken cancellationToken = default)
    {
        if (completions.Count == 0) return Task.FromResult<IReadOnlyList<bool>>([]);
        return WriteAsync<IReadOnlyList<bool>>(tx =>
        {
            // One statement deletes the batch's requests still held by their lock; only those results are recorded (a
            // request whose lease ran out belongs to whoever runs it again).
            var owned = new HashSet<string>(StringComparer.Ordinal);
            for (var start = 0; start < completions.Count; start += MaxRowsPerStatement)
            {
                var rows = Math.Min(MaxRowsPerStatement, completions.Count - start);
                var delete = Command(tx, Sql.DeleteOwnedActivities(rows));
                for (var i = 0; i < rows; i++)
                {
                    With(delete, $"$m{i}", completions[start + i].WorkItem.Message.MessageId);
                    With(delete, $"$t{i}", completions[start + i].WorkItem.LockToken);
                }
                using var reader = delete.ExecuteReader();
                while (reader.Read()) owned.Add(reader.GetString(0));
            }
            var results = completions.Select(c => owned.Contains(c.WorkItem.Message.MessageId)).ToList();
            InsertMessages(tx, completions.Where((_, i) => results[i]).Select(c => c.Result).ToList());
            return results;
        }, cancellationToken);
    }

    public Task AbandonActivityAsync(ActivityWorkItem workItem, CancellationToken cancellationToken = default) =>
        WriteAsync(tx =>
        {
            var release = Command(tx, "UPDATE activities SET lock_token = NULL, locked_until = 0 WHERE message_id = $mid AND lock_token = $tok");
            With(release, "$mid", workItem.Message.MessageId);
            With(release, "$tok", workItem.LockToken);
            return release.ExecuteNonQuery();
        }, cancellationToken);
}
