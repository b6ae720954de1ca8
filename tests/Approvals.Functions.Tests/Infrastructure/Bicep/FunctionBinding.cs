using System.Text.Json;

namespace Approvals.Functions.Tests.Infrastructure.Bicep;

/// <summary>One binding of one function in the built functions.metadata (what the Functions host reads).</summary>
public sealed record FunctionBinding(string Function, string Type, string? QueueName, string? Connection)
{
    public static IReadOnlyList<FunctionBinding> LoadAll(string metadataPath) => [.. Parse(File.ReadAllText(metadataPath))];

    public static IEnumerable<FunctionBinding> Parse(string metadataJson)
    {
        using var document = JsonDocument.Parse(metadataJson);
        var bindings = new List<FunctionBinding>();
        foreach (var function in document.RootElement.EnumerateArray())
        {
            var name = function.GetProperty("name").GetString()!;
            foreach (var binding in function.GetProperty("bindings").EnumerateArray())
            {
                bindings.Add(new FunctionBinding(
                    name,
                    binding.GetProperty("type").GetString()!,
                    binding.TryGetProperty("queueName", out var queue) ? queue.GetString() : null,
                    binding.TryGetProperty("connection", out var connection) ? connection.GetString() : null));
            }
        }
        return bindings;
    }
}
