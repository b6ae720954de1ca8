using System.Text.Json;
using Approvals.Functions.Tests.Infrastructure;

namespace Approvals.Functions.Tests.Hosting;

/// <summary>Every function.json names a trigger the handler answers: non-HTTP triggers arrive as POST /{FunctionName}.</summary>
public sealed class FunctionRoutesTests
{
    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Serverless.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Serverless.sln not found above the test folder.");
    }

    [Fact]
    public void Every_function_folder_binds_a_trigger_and_non_http_ones_have_a_handler_route()
    {
        var root = RepoRoot();
        var folders = Directory.GetDirectories(Path.Combine(root, "functions")).Where(d => File.Exists(Path.Combine(d, "function.json"))).ToList();
        Assert.NotEmpty(folders);
        using var app = new AppFactory();
        var routes = app.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>().Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/')).ToHashSet(StringComparer.OrdinalIgnoreCase);

        foreach (var folder in folders)
        {
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "function.json")));
            var trigger = json.RootElement.GetProperty("bindings").EnumerateArray()
                .Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
            var type = trigger.GetProperty("type").GetString();
            if (type == "httpTrigger") continue;
            var name = Path.GetFileName(folder);
            Assert.True(routes.Contains("/" + name), $"function {name} ({type}) has no POST /{name} route in the handler");
        }
    }

}
