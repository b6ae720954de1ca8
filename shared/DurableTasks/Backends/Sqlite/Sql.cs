namespace DurableTasks.Backends.Sqlite;

/// <summary>
/// The multi-row statements of the store, one text per row count, built once: a commit or a lock batch is a few
/// statements, not one per row, and the statement cache holds a bounded set of texts.
/// </summary>
internal static class Sql
{
    /// <summary>The most instances one lock batch claims.</summary>
    public const int MaxBatch = 1024;
    private static readonly string?[] Claim = new string?[MaxBatch + 1];
    private static readonly string?[] Fetch = new string?[MaxBatch + 1];
    private static readonly string?[] History = new string?[SqliteOrchestrationStore.MaxRowsPerStatement + 1];
    private static readonly string?[] Delete = new string?[SqliteOrchestrationStore.MaxRowsPerStatement + 1];
    private static readonly string?[] DeleteOwned = new string?[SqliteOrchestrationStore.MaxRowsPerStatement + 1];
    private static readonly string?[] Messages = new string?[SqliteOrchestrationStore.MaxRowsPerStatement + 1];
    private static readonly string?[] Activities = new string?[SqliteOrchestrationStore.MaxRowsPerStatement + 1];

    public static string ClaimInstances(int n) => Claim[n] ??=
        $"UPDATE instances SET lock_token = $tok, locked_until = $until WHERE instance_id IN ({List("$i", n)}) RETURNING {SqliteOrchestrationStore.InstanceColumns}";

    public static string FetchMessages(int n) => Fetch[n] ??=
        $"SELECT {SqliteOrchestrationStore.MessageColumns} FROM messages WHERE instance_id IN ({List("$i", n)}) AND visible_at <= $now";

    public static string AppendHistory(int n) => History[n] ??=
        $"INSERT INTO history (instance_id, seq, event) VALUES {Rows(n, i => $"($id, $s{i}, $e{i})")}";

    public static string DeleteMessages(int n) => Delete[n] ??= $"DELETE FROM messages WHERE instance_id = $id AND message_id IN ({List("$m", n)})";

    public static string DeleteOwnedActivities(int n) => DeleteOwned[n] ??=
        $"DELETE FROM activities WHERE {string.Join(" OR ", Enumerable.Range(0, n).Select(i => $"(message_id = $m{i} AND lock_token = $t{i})"))} RETURNING message_id";

    public static string InsertMessages(int n) => Messages[n] ??=
        $"INSERT OR IGNORE INTO messages (instance_id, message_id, seq, execution_id, visible_at, body) VALUES {Rows(n, i => $"($i{i}, $m{i}, $s{i}, $x{i}, $v{i}, $b{i})")}";

    public static string InsertActivities(int n) => Activities[n] ??=
        $"INSERT OR IGNORE INTO activities (message_id, instance_id, execution_id, visible_at, body) VALUES {Rows(n, i => $"($m{i}, $i{i}, $x{i}, $visible, $b{i})")}";

    public static string RenewInstances(int n) => $"UPDATE instances SET locked_until = $until WHERE lock_token IN ({List("$t", n)})";

    public static string RenewActivities(int n) => $"UPDATE activities SET locked_until = $until WHERE lock_token IN ({List("$t", n)})";

    /// <summary>The name of row <paramref name="row"/>'s parameter with <paramref name="prefix"/> ("$m3"), made once.</summary>
    public static string Name(string prefix, int row)
    {
        var names = ParameterNames.GetOrAdd(prefix, static p => Enumerable.Range(0, MaxBatch + 1).Select(i => $"{p}{i}").ToArray());
        return names[row];
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string[]> ParameterNames = new(StringComparer.Ordinal);

    private static string List(string prefix, int count) => string.Join(", ", Enumerable.Range(0, count).Select(i => $"{prefix}{i}"));

    private static string Rows(int count, Func<int, string> row) => string.Join(", ", Enumerable.Range(0, count).Select(row));
}
