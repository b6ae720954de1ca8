using System.Globalization;

namespace Approvals.Azure.Tables;

/// <summary>
/// OData literals for <see cref="TableQuery.Filter"/>, so values are never pasted into filters unescaped:
/// strings in single quotes with quotes doubled, <c>guid'…'</c>, <c>datetime'…'</c>, <c>123L</c>, <c>X'…'</c>.
/// </summary>
public static class TableFilter
{
    public static string Literal(object value) => value switch
    {
        string s => $"'{s.Replace("'", "''", StringComparison.Ordinal)}'",
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture) + "L",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        Guid g => $"guid'{g:D}'",
        DateTimeOffset t => $"datetime'{t.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffffffZ}'",
        byte[] bytes => $"X'{Convert.ToHexStringLower(bytes)}'",
        _ => throw new ArgumentException($"No OData literal for {value.GetType().Name}.", nameof(value)),
    };

    /// <summary><c>{property} {op} {literal}</c>, e.g. <c>Equal("PartitionKey", uscc)</c>.</summary>
    public static string Compare(string property, string op, object value) => $"{property} {op} {Literal(value)}";

    public static string Equal(string property, object value) => Compare(property, "eq", value);

    public static string PartitionKeyEquals(string partitionKey) => Equal("PartitionKey", partitionKey);
}
