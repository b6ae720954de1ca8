using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure;

namespace Approvals.Azure.Tables;

/// <summary>
/// Entity ⇄ OData JSON (minimal metadata). Writing annotates every type JSON cannot carry on its own
/// (<c>Prop@odata.type</c>: Edm.Int64 as a string, Edm.DateTime, Edm.Guid, Edm.Binary as base64, and Edm.Double so
/// a whole number stays a double); reading honours the annotations and infers Int32 / Double / Boolean / String otherwise.
/// </summary>
internal static class TableEntityJson
{
    private const string TypeSuffix = "@odata.type";

    public static JsonObject Write(TableEntity entity)
    {
        var json = new JsonObject
        {
            ["PartitionKey"] = entity.PartitionKey,
            ["RowKey"] = entity.RowKey,
        };
        foreach (var (name, value) in entity)
        {
            switch (value)
            {
                case string s:
                    json[name] = s;
                    break;
                case bool b:
                    json[name] = b;
                    break;
                case int i:
                    json[name] = i;
                    break;
                case long l:
                    json[name] = l.ToString(CultureInfo.InvariantCulture);
                    json[name + TypeSuffix] = "Edm.Int64";
                    break;
                case double d:
                    json[name] = double.IsNaN(d) ? "NaN" : double.IsPositiveInfinity(d) ? "Infinity" : double.IsNegativeInfinity(d) ? "-Infinity" : JsonValue.Create(d);
                    json[name + TypeSuffix] = "Edm.Double";
                    break;
                case DateTimeOffset t:
                    json[name] = t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);
                    json[name + TypeSuffix] = "Edm.DateTime";
                    break;
                case Guid g:
                    json[name] = g.ToString("D");
                    json[name + TypeSuffix] = "Edm.Guid";
                    break;
                case byte[] bytes:
                    json[name] = Convert.ToBase64String(bytes);
                    json[name + TypeSuffix] = "Edm.Binary";
                    break;
                default:
                    throw new InvalidOperationException($"Property '{name}' has unsupported type {value.GetType().Name}.");
            }
        }
        return json;
    }

    public static byte[] Serialize(TableEntity entity) => JsonSerializer.SerializeToUtf8Bytes(Write(entity));

    public static TableEntity Read(JsonElement json, ETag? etagFromHeader = null)
    {
        var entity = new TableEntity(json.GetProperty("PartitionKey").GetString()!, json.GetProperty("RowKey").GetString()!);
        if (json.TryGetProperty("odata.etag", out var etag) && etag.GetString() is { } tag) entity.ETag = new ETag(tag);
        else if (etagFromHeader is { } header) entity.ETag = header;

        foreach (var property in json.EnumerateObject())
        {
            var name = property.Name;
            if (name is "PartitionKey" or "RowKey" || name.StartsWith("odata.", StringComparison.Ordinal) || name.EndsWith(TypeSuffix, StringComparison.Ordinal)) continue;
            if (name == "Timestamp")
            {
                entity.Timestamp = ParseDate(property.Value.GetString()!);
                continue;
            }
            var type = json.TryGetProperty(name + TypeSuffix, out var annotation) ? annotation.GetString() : null;
            entity[name] = ReadValue(property.Value, type, name);
        }
        return entity;
    }

    private static object? ReadValue(JsonElement value, string? type, string name)
    {
        if (value.ValueKind == JsonValueKind.Null) return null;
        return type switch
        {
            "Edm.Int64" => value.ValueKind == JsonValueKind.String ? long.Parse(value.GetString()!, CultureInfo.InvariantCulture) : value.GetInt64(),
            "Edm.Int32" => value.ValueKind == JsonValueKind.String ? int.Parse(value.GetString()!, CultureInfo.InvariantCulture) : value.GetInt32(),
            "Edm.Double" => value.ValueKind == JsonValueKind.String ? ParseDouble(value.GetString()!) : value.GetDouble(),
            "Edm.DateTime" => ParseDate(value.GetString()!),
            "Edm.Guid" => Guid.Parse(value.GetString()!),
            "Edm.Binary" => Convert.FromBase64String(value.GetString()!),
            "Edm.Boolean" => value.ValueKind == JsonValueKind.String ? bool.Parse(value.GetString()!) : value.GetBoolean(),
            "Edm.String" or null => value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.Number when value.TryGetInt32(out var i) => i,
                JsonValueKind.Number => value.GetDouble(),
                _ => throw new FormatException($"Property '{name}' holds JSON {value.ValueKind}, which is no table type."),
            },
            _ => throw new FormatException($"Property '{name}' has unknown type annotation '{type}'."),
        };
    }

    private static double ParseDouble(string text) => text switch
    {
        "NaN" => double.NaN,
        "Infinity" or "INF" => double.PositiveInfinity,
        "-Infinity" or "-INF" => double.NegativeInfinity,
        _ => double.Parse(text, CultureInfo.InvariantCulture),
    };

    private static DateTimeOffset ParseDate(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
