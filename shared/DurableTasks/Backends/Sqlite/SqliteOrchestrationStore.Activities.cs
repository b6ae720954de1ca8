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
                UPDATE messages SET lock_token = $tok, locked_until = $until, dequeue_count = dequeue_count + 1
                WHERE seq IN (SELECT seq FROM messages INDEXED BY ix_messages_due WHERE kind = 1 AND visible_at <= $now AND locked_until <= $wall ORDER BY visible_at LIMIT $max)
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
            var results = new List<bool>(completions.Count);
            foreach (var completion in completions)
            {
                var delete = Command(tx, "DELETE FROM messages WHERE message_id = $mid AND lock_token = $tok");
                With(delete, "$mid", completion.WorkItem.Message.MessageId);
                With(delete, "$tok", completion.WorkItem.LockToken);
                var owned = delete.ExecuteNonQuery() == 1;
                if (owned) InsertMessage(tx, completion.Result);
                results.Add(owned);
            }
            return results;
        }, cancellationToken);
    }

    public Task AbandonActivityAsync(ActivityWorkItem workItem, CancellationToken cancellationToken = default) =>
        WriteAsync(tx =>
        {
            var release = Command(tx, "UPDATE messages SET lock_token = NULL, locked_until = 0 WHERE message_id = $mid AND lock_token = $tok");
            With(release, "$mid", workItem.Message.MessageId);
            With(release, "$tok", workItem.LockToken);
            return release.ExecuteNonQuery();
        }, cancellationToken);
}
