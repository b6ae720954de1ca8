using System.Text.Json;

namespace Approvals.Functions.Tests.Infrastructure.Bicep;

/// <summary>One binding of a function.json (functions/&lt;FunctionName&gt;/function.json).</summary>
public sealed record FunctionBinding(string Function, string Type, string? QueueName, string? Connection)
{
    public static IReadOnlyList<FunctionBinding> LoadAll(string functionsDirectory) =>
        [.. Directory.GetDirectories(functionsDirectory)
            .Where(d => File.Exists(Path.Combine(d, "function.json")))
            .OrderBy(d => d, StringComparer.Ordinal)
            .SelectMany(d => Parse(Path.GetFileName(d), File.ReadAllText(Path.Combine(d, "function.json"))))];

    public static IEnumerable<FunctionBinding> Parse(string function, string json)
    {
        using var document = JsonDocument.Parse(json);
        foreach (var binding in document.RootElement.GetProperty("bindings").EnumerateArray())
        {
            yield return new FunctionBinding(
                function,
                binding.GetProperty("type").GetString()!,
                binding.TryGetProperty("queueName", out var queue) ? queue.GetString() : null,
                binding.TryGetProperty("connection", out var connection) ? connection.GetString() : null);
        }
    }
}
