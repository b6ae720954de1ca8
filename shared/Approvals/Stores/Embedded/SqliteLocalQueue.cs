namespace Approvals.Stores.Embedded;

/// <summary>
/// The embedded stand-in for a Service Bus queue when running locally: durable, at-least-once. A receiver
/// hides a message for a while; completing deletes it; a crash before completing delivers it again.
/// </summary>
public sealed class SqliteLocalQueue(EmbeddedDatabase database, string queue)
{
    public sealed record Received(long Id, string Body, int DequeueCount);

    public string Name => queue;

    public Task SendAsync(string body, CancellationToken cancellationToken = default)
    {
        using var connection = database.Open();
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO queue_messages (queue, body, visible_at) VALUES ($q, $b, 0)";
        insert.Parameters.AddWithValue("$q", queue);
        insert.Parameters.AddWithValue("$b", body);
        insert.ExecuteNonQuery();
        return Task.CompletedTask;
    }

    /// <summary>Takes up to <paramref name="max"/> visible messages and hides them for <paramref name="visibility"/> (real time: this is delivery, not business time).</summary>
    public Task<IReadOnlyList<Received>> ReceiveAsync(int max, TimeSpan visibility, CancellationToken cancellationToken = default)
    {
        var now = DateTimeOffset.UtcNow.UtcTicks;
        using var connection = database.Open();
        using var tx = connection.BeginTransaction(deferred: false);
        using var claim = connection.CreateCommand();
        claim.Transaction = tx;
        claim.CommandText = """
            UPDATE queue_messages SET visible_at = $until, dequeue_count = dequeue_count + 1
            WHERE id IN (SELECT id FROM queue_messages WHERE queue = $q AND visible_at <= $now ORDER BY id LIMIT $max)
            RETURNING id, body, dequeue_count
            """;
        claim.Parameters.AddWithValue("$until", now + visibility.Ticks);
        claim.Parameters.AddWithValue("$q", queue);
        claim.Parameters.AddWithValue("$now", now);
        claim.Parameters.AddWithValue("$max", max);
        var received = new List<Received>();
        using (var reader = claim.ExecuteReader())
        {
            while (reader.Read()) received.Add(new Received(reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2)));
        }
        tx.Commit();
        return Task.FromResult<IReadOnlyList<Received>>(received.OrderBy(r => r.Id).ToList());
    }

    public Task CompleteAsync(Received message, CancellationToken cancellationToken = default)
    {
        using var connection = database.Open();
        using var delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM queue_messages WHERE id = $id";
        delete.Parameters.AddWithValue("$id", message.Id);
        delete.ExecuteNonQuery();
        return Task.CompletedTask;
    }

    public Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        using var connection = database.Open();
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM queue_messages WHERE queue = $q";
        count.Parameters.AddWithValue("$q", queue);
        return Task.FromResult((long)count.ExecuteScalar()!);
    }
}
