using System.Collections;
using Azure;

namespace Approvals.Azure.Tables;

/// <summary>
/// A table row: its keys, its ETag (for optimistic concurrency) and typed properties. Property values are
/// <see cref="string"/>, <see cref="int"/>, <see cref="long"/>, <see cref="double"/>, <see cref="bool"/>,
/// <see cref="DateTimeOffset"/>, <see cref="Guid"/> or <see cref="byte"/>[]; on the wire they carry the
/// OData type annotations (Edm.Int64, Edm.DateTime, Edm.Guid, Edm.Binary, Edm.Double) the service needs to keep them typed.
/// </summary>
public sealed class TableEntity : IEnumerable<KeyValuePair<string, object>>
{
    private readonly Dictionary<string, object> properties = new(StringComparer.Ordinal);

    public TableEntity(string partitionKey, string rowKey)
    {
        PartitionKey = partitionKey ?? throw new ArgumentNullException(nameof(partitionKey));
        RowKey = rowKey ?? throw new ArgumentNullException(nameof(rowKey));
    }

    public string PartitionKey { get; set; }

    public string RowKey { get; set; }

    /// <summary>The entity's version as last read or written; pass it back as If-Match to update only that version.</summary>
    public ETag ETag { get; set; }

    /// <summary>The service's last-modified time (read-only on the service side).</summary>
    public DateTimeOffset? Timestamp { get; set; }

    /// <summary>Gets or sets a property; setting null removes it. Unsupported value types are refused.</summary>
    public object? this[string name]
    {
        get => properties.GetValueOrDefault(name);
        set
        {
            ArgumentException.ThrowIfNullOrEmpty(name);
            if (name is "PartitionKey" or "RowKey" or "Timestamp" || name.StartsWith("odata.", StringComparison.Ordinal))
                throw new ArgumentException($"'{name}' is a system property; use the entity's own members.", nameof(name));
            if (value is null)
            {
                properties.Remove(name);
                return;
            }
            properties[name] = value switch
            {
                string or int or long or double or bool or Guid or byte[] or DateTimeOffset => value,
                DateTime dateTime => new DateTimeOffset(dateTime.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(dateTime, DateTimeKind.Utc) : dateTime.ToUniversalTime()),
                float single => (double)single,
                _ => throw new ArgumentException($"Property '{name}' has type {value.GetType().Name}, which Table storage does not hold.", nameof(value)),
            };
        }
    }

    public IReadOnlyDictionary<string, object> Properties => properties;

    public bool ContainsKey(string name) => properties.ContainsKey(name);

    public string? GetString(string name) => properties.GetValueOrDefault(name) as string;

    public int? GetInt32(string name) => properties.GetValueOrDefault(name) switch
    {
        int i => i,
        long l when l is >= int.MinValue and <= int.MaxValue => (int)l,
        _ => null,
    };

    public long? GetInt64(string name) => properties.GetValueOrDefault(name) switch
    {
        long l => l,
        int i => i,
        _ => null,
    };

    public double? GetDouble(string name) => properties.GetValueOrDefault(name) switch
    {
        double d => d,
        int i => i,
        long l => l,
        _ => null,
    };

    public bool? GetBoolean(string name) => properties.GetValueOrDefault(name) as bool?;

    public DateTimeOffset? GetDateTimeOffset(string name) => properties.GetValueOrDefault(name) as DateTimeOffset?;

    public Guid? GetGuid(string name) => properties.GetValueOrDefault(name) as Guid?;

    public byte[]? GetBinary(string name) => properties.GetValueOrDefault(name) as byte[];

    public IEnumerator<KeyValuePair<string, object>> GetEnumerator() => properties.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Collection-initializer support: <c>new TableEntity(pk, rk) { { "Name", "value" } }</c>.</summary>
    public void Add(string name, object value) => this[name] = value;
}
