using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Approvals.Azure.Engine;

/// <summary>
/// Partition and row keys of the engine's tables. Keys may not hold <c>/ \ # ?</c> or control characters, so an
/// instance or message id is escaped character by character (<c>~XXXX</c>, with <c>~</c> itself escaped): the escaping
/// keeps prefixes (an id prefix is a key prefix), which the id-prefix query relies on.
/// </summary>
internal static class EngineKeys
{
    /// <summary>The instance row of a partition.</summary>
    public const string Instance = "I";

    /// <summary>History rows: <c>H:</c> and the sequence number, ten digits, so rows sort in history order.</summary>
    public const string HistoryPrefix = "H:";

    /// <summary>Inbox rows (messages waiting for the instance): <c>M:</c> and the escaped message id (one row per id).</summary>
    public const string InboxPrefix = "M:";

    /// <summary>Outbox rows (what a commit still has to send): <c>O:</c> and the instance version that wrote it.</summary>
    public const string OutboxPrefix = "O:";

    /// <summary>The only partition of the due-time index.</summary>
    public const string TimerPartition = "t";

    public static string Escape(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '/' or '\\' or '#' or '?' or '~' or '%' || char.IsControl(c))
                text.Append('~').Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            else
                text.Append(c);
        }
        return text.ToString();
    }

    public static string History(int sequence) => HistoryPrefix + sequence.ToString("D10", CultureInfo.InvariantCulture);

    public static string Inbox(string messageId) => InboxPrefix + Escape(messageId);

    public static string Outbox(long version) => OutboxPrefix + version.ToString("D10", CultureInfo.InvariantCulture);

    /// <summary>An index row key: due ticks (19 digits, so lexical order is time order), then where the message lives.</summary>
    public static string Timer(DateTimeOffset due, string partitionKey, string rowKey) =>
        $"{due.UtcTicks.ToString("D19", CultureInfo.InvariantCulture)}|{partitionKey}|{rowKey}";

    /// <summary>The due time at the front of an index row key.</summary>
    public static DateTimeOffset TimerDue(string rowKey) =>
        new(long.Parse(rowKey.AsSpan(0, 19), NumberStyles.None, CultureInfo.InvariantCulture), TimeSpan.Zero);

    /// <summary>The smallest string greater than every string starting with <paramref name="prefix"/> (for range filters).</summary>
    public static string After(string prefix) => prefix.Length == 0 ? "\uffff" : prefix[..^1] + (char)(prefix[^1] + 1);

    /// <summary>The blob folder of an instance's payloads: a hash, so blob names need no escaping.</summary>
    public static string BlobFolder(string instanceId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(instanceId)).AsSpan(0, 16));
}
