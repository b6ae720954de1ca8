using System.Text.Json;

namespace DurableTasks.Converters;

/// <summary>The default converter: System.Text.Json with web defaults (camelCase).</summary>
public sealed class JsonDataConverter : DataConverter
{
    /// <summary>Shared instance with web defaults.</summary>
    public static JsonDataConverter Default { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    private readonly JsonSerializerOptions options;

    public JsonDataConverter(JsonSerializerOptions options) => this.options = options;

    /// <inheritdoc />
    public override string? Serialize(object? value) =>
        value is null ? null : JsonSerializer.Serialize(value, value.GetType(), options);

    /// <inheritdoc />
    public override object? Deserialize(string? data, Type targetType)
    {
        if (data is null) return null;
        if (targetType == typeof(object)) return JsonSerializer.Deserialize<JsonElement>(data, options);
        return JsonSerializer.Deserialize(data, targetType, options);
    }
}
