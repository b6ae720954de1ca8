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
        database.Write(connection =>
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO queue_messages (queue, body, visible_at) VALUES ($q, $b, 0)";
            insert.Parameters.AddWithValue("$q", queue);
            insert.Parameters.AddWithValue("$b", body);
            return insert.ExecuteNonQuery();
        });
        return Task.CompletedTask;
    }

    /// <summary>
    /// Sends <paramref name="body"/> unless a message with <paramref name="messageId"/> was sent to this queue before
    /// (Service Bus duplicate detection, kept for good rather than for a window); true when it was sent.
    /// </summary>
    public Task<bool> SendOnceAsync(string messageId, string body, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentNullException.ThrowIfNull(body);
        return Task.FromResult(database.Write(connection =>
        {
            using var tx = connection.BeginTransaction(deferred: false);
            using var remember = connection.CreateCommand();
            remember.Transaction = tx;
            remember.CommandText = "INSERT OR IGNORE INTO queue_sent_ids (queue, message_id) VALUES ($q, $id)";
            remember.Parameters.AddWithValue("$q", queue);
            remember.Parameters.AddWithValue("$id", messageId);
            if (remember.ExecuteNonQuery() == 0) return false;
            using var insert = connection.CreateCommand();
            insert.Transaction = tx;
            insert.CommandText = "INSERT INTO queue_messages (queue, body, visible_at) VALUES ($q, $b, 0)";
            insert.Parameters.AddWithValue("$q", queue);
            insert.Parameters.AddWithValue("$b", body);
            insert.ExecuteNonQuery();
            tx.Commit();
            return true;
        }));
    }

    /// <summary>Takes up to <paramref name="max"/> visible messages and hides them for <paramref name="visibility"/> (real time: this is delivery, not business time).</summary>
    public Task<IReadOnlyList<Received>> ReceiveAsync(int max, TimeSpan visibility, CancellationToken cancellationToken = default)
    {
        var now = DateTimeOffset.UtcNow.UtcTicks;
        return Task.FromResult(database.Write(connection => Claim(connection, max, now, visibility)));
    }

    private IReadOnlyList<Received> Claim(Microsoft.Data.Sqlite.SqliteConnection connection, int max, long now, TimeSpan visibility)
    {
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
        return received.OrderBy(r => r.Id).ToList();
    }

    public Task CompleteAsync(Received message, CancellationToken cancellationToken = default)
    {
        database.Write(connection =>
        {
            using var delete = connection.CreateCommand();
            delete.CommandText = "DELETE FROM queue_messages WHERE id = $id";
            delete.Parameters.AddWithValue("$id", message.Id);
            return delete.ExecuteNonQuery();
        });
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
