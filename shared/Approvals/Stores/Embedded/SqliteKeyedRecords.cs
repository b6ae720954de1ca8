namespace Approvals.Stores.Embedded;

/// <summary>Write-once records in the embedded database.</summary>
public sealed class SqliteKeyedRecords(EmbeddedDatabase database) : IKeyedRecords
{
    public Task<(bool Added, string Value)> TryAddAsync(string scope, string key, string value, CancellationToken cancellationToken = default) =>
        Task.FromResult(database.Write(connection =>
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT OR IGNORE INTO keyed_records (scope, key, value) VALUES ($s, $k, $v)";
            insert.Parameters.AddWithValue("$s", scope);
            insert.Parameters.AddWithValue("$k", key);
            insert.Parameters.AddWithValue("$v", value);
            return insert.ExecuteNonQuery() == 1 ? (true, value) : (false, Read(connection, scope, key)!);
        }));

    public Task<string?> GetAsync(string scope, string key, CancellationToken cancellationToken = default)
    {
        using var connection = database.Open();
        return Task.FromResult(Read(connection, scope, key));
    }

    public Task<IReadOnlyList<(string Key, string Value)>> ListAsync(string scope, string keyPrefix = "", CancellationToken cancellationToken = default)
    {
        using var connection = database.Open();
        using var select = connection.CreateCommand();
        // substr, not LIKE: a prefix may hold % or _ (and LIKE ignores case).
        select.CommandText = "SELECT key, value FROM keyed_records WHERE scope = $s AND substr(key, 1, length($p)) = $p ORDER BY key";
        select.Parameters.AddWithValue("$s", scope);
        select.Parameters.AddWithValue("$p", keyPrefix);
        using var reader = select.ExecuteReader();
        var list = new List<(string, string)>();
        while (reader.Read()) list.Add((reader.GetString(0), reader.GetString(1)));
        return Task.FromResult<IReadOnlyList<(string Key, string Value)>>(list);
    }

    private static string? Read(Microsoft.Data.Sqlite.SqliteConnection connection, string scope, string key)
    {
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT value FROM keyed_records WHERE scope = $s AND key = $k";
        select.Parameters.AddWithValue("$s", scope);
        select.Parameters.AddWithValue("$k", key);
        return select.ExecuteScalar() as string;
    }
}
