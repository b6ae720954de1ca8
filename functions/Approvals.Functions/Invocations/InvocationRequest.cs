using System.Text.Json;

namespace Approvals.Functions.Invocations;

/// <summary>
/// What the Functions host posts to <c>/{FunctionName}</c> for a non-HTTP trigger: the trigger and input
/// binding data by binding name, and trigger metadata (for a queue: Id, DequeueCount, ...).
/// </summary>
public sealed record InvocationRequest(Dictionary<string, JsonElement>? Data, Dictionary<string, JsonElement>? Metadata)
{
    /// <summary>The binding's payload as text: queue and Service Bus messages arrive as a JSON string, sometimes as an object.</summary>
    public string? DataText(string binding)
    {
        if (Data is null || !Data.TryGetValue(binding, out var value)) return null;
        return value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
    }

    public string? MetadataText(string key) =>
        Metadata is not null && Metadata.TryGetValue(key, out var value) ? (value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()) : null;
}
