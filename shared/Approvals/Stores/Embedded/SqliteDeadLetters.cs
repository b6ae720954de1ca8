namespace Approvals.Stores.Embedded;

/// <summary>Dead letters in the embedded database.</summary>
public sealed class SqliteDeadLetters(EmbeddedDatabase database) : IDeadLetters
{
    public Task AddAsync(DeadLetter letter, CancellationToken cancellationToken = default)
    {
        database.Write(connection =>
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO dead_letters (queue, message_id, body, reason, at) VALUES ($q, $m, $b, $r, $a)";
            insert.Parameters.AddWithValue("$q", letter.Queue);
            insert.Parameters.AddWithValue("$m", letter.MessageId);
            insert.Parameters.AddWithValue("$b", letter.Body);
            insert.Parameters.AddWithValue("$r", letter.Reason);
            insert.Parameters.AddWithValue("$a", letter.At.UtcTicks);
            return insert.ExecuteNonQuery();
        });
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<DeadLetter>> ListAsync(string queue, CancellationToken cancellationToken = default)
    {
        using var connection = database.Open();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT queue, message_id, body, reason, at FROM dead_letters WHERE queue = $q ORDER BY id";
        select.Parameters.AddWithValue("$q", queue);
        using var reader = select.ExecuteReader();
        var letters = new List<DeadLetter>();
        while (reader.Read())
        {
            letters.Add(new DeadLetter(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), new DateTimeOffset(reader.GetInt64(4), TimeSpan.Zero)));
        }
        return Task.FromResult<IReadOnlyList<DeadLetter>>(letters);
    }
}
