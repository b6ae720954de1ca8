using System.Text.Json;

namespace Approvals.Functions.LocalHost;

/// <summary>The parts of host.json the local host honours, read from the copy beside the assembly.</summary>
public sealed record HostSettings(string RoutePrefix, int MaxDequeueCount, TimeSpan VisibilityTimeout)
{
    public static HostSettings Default { get; } = new("api", 5, TimeSpan.FromSeconds(30));

    public static HostSettings Load(string? path = null)
    {
        path ??= Path.Combine(AppContext.BaseDirectory, "host.json");
        if (!File.Exists(path)) return Default;
        using var json = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var extensions = json.RootElement.TryGetProperty("extensions", out var e) ? e : default;
        var prefix = extensions.ValueKind == JsonValueKind.Object && extensions.TryGetProperty("http", out var http) && http.TryGetProperty("routePrefix", out var p)
            ? p.GetString() ?? Default.RoutePrefix
            : Default.RoutePrefix;
        var queues = extensions.ValueKind == JsonValueKind.Object && extensions.TryGetProperty("queues", out var q) ? q : default;
        var dequeue = queues.ValueKind == JsonValueKind.Object && queues.TryGetProperty("maxDequeueCount", out var d) ? d.GetInt32() : Default.MaxDequeueCount;
        var visibility = queues.ValueKind == JsonValueKind.Object && queues.TryGetProperty("visibilityTimeout", out var v) && TimeSpan.TryParse(v.GetString(), System.Globalization.CultureInfo.InvariantCulture, out var span)
            ? span
            : Default.VisibilityTimeout;
        return new HostSettings(prefix, dequeue, visibility);
    }
}
