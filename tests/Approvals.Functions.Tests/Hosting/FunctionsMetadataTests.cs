using System.Text.Json;
using System.Text.RegularExpressions;
using Approvals.Functions.Hosting;
using Approvals.Functions.LocalHost;
using Approvals.Functions.Tests.Infrastructure;
using Approvals.Functions.Tests.Infrastructure.Bicep;
using Microsoft.AspNetCore.Routing;

namespace Approvals.Functions.Tests.Hosting;

/// <summary>
/// The functions.metadata the Worker SDK generated (what the Functions host in Azure runs), the functions the local
/// host runs, and api.md agree: same functions, triggers, routes and methods; every call of api.md is a function.
/// </summary>
public sealed partial class FunctionsMetadataTests
{
    private sealed record Entry(string Name, string Trigger, string? Route, string[] Methods, string? Queue, string? Schedule);

    private static readonly IReadOnlyList<Entry> Metadata = LoadMetadata();

    private static IReadOnlyList<Entry> LoadMetadata()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(RepoPaths.FunctionsMetadata));
        return json.RootElement.EnumerateArray().Select(f =>
        {
            var trigger = f.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
            return new Entry(
                f.GetProperty("name").GetString()!,
                trigger.GetProperty("type").GetString()!,
                trigger.TryGetProperty("route", out var route) ? route.GetString() : null,
                trigger.TryGetProperty("methods", out var methods) ? [.. methods.EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()).Order()] : [],
                trigger.TryGetProperty("queueName", out var queue) ? queue.GetString() : null,
                trigger.TryGetProperty("schedule", out var schedule) ? schedule.GetString() : null);
        }).OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
    }

    [Fact]
    public void The_local_host_runs_exactly_the_functions_of_the_metadata_with_the_same_triggers()
    {
        var local = FunctionIndex.Of(typeof(AppHost).Assembly)
            .Select(f => $"{f.Name}:{f.TriggerType}:{f.Http?.Route}:{f.Queue?.QueueName}:{f.Timer?.Schedule}").Order(StringComparer.Ordinal);
        var generated = Metadata.Select(e => $"{e.Name}:{e.Trigger}:{e.Route}:{e.Queue}:{e.Schedule}").Order(StringComparer.Ordinal);
        Assert.Equal(generated, local);
        Assert.True(Metadata.Count > 40, $"only {Metadata.Count} functions in functions.metadata");
    }

    [Fact]
    public void Every_http_function_of_the_metadata_is_served_locally_on_its_route_and_methods()
    {
        using var app = new AppFactory();
        var served = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IEndpointNameMetadata>() is not null)
            .ToDictionary(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()!.EndpointName, StringComparer.Ordinal);

        foreach (var function in Metadata.Where(e => e.Trigger == "httpTrigger"))
        {
            Assert.True(served.TryGetValue(function.Name, out var endpoint), $"{function.Name} is not served by the local host");
            Assert.Equal("/api/" + function.Route, endpoint!.RoutePattern.RawText);
            Assert.Equal(function.Methods, endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()!.HttpMethods.Order());
        }
    }

    /// <summary>The OpenAPI document describes every HTTP function on its route with its methods (new paths included).</summary>
    [Fact]
    public async Task The_openapi_document_lists_every_http_function()
    {
        using var app = new AppFactory();
        using var document = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");
        var missing = Metadata.Where(e => e.Trigger == "httpTrigger")
            .SelectMany(e => e.Methods.Select(m => (Method: m, Path: "/api/" + e.Route!.Replace("{*", "{", StringComparison.Ordinal))))
            .Where(c => !paths.TryGetProperty(c.Path, out var operations) || !operations.TryGetProperty(c.Method.ToLowerInvariant(), out _))
            .Select(c => $"{c.Method} {c.Path}").ToList();
        Assert.True(missing.Count == 0, "not in /openapi/v1.json: " + string.Join(", ", missing));

        // Each says what it does, declares its route parameters and answers problem+json for bad input.
        var answer = paths.GetProperty("/api/utilities/applications/{id}/answers").GetProperty("post");
        Assert.Contains("联合报装", answer.GetProperty("description").GetString());
        Assert.Contains(answer.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "id" && p.GetProperty("in").GetString() == "path");
        Assert.True(answer.GetProperty("responses").GetProperty("400").GetProperty("content").TryGetProperty("application/problem+json", out _));
        var undescribed = paths.EnumerateObject().SelectMany(p => p.Value.EnumerateObject().Select(o => (Path: p.Name, Method: o.Name, Operation: o.Value)))
            .Where(o => !o.Operation.TryGetProperty("description", out var d) || string.IsNullOrWhiteSpace(d.GetString()))
            .Select(o => $"{o.Method} {o.Path}").ToList();
        Assert.True(undescribed.Count == 0, "no description: " + string.Join(", ", undescribed));

        // A form's body is described field by field, a file as bytes, and a call that reads no body declares none.
        var submission = paths.GetProperty("/api/applications").GetProperty("post").GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        Assert.Equal(["applicant", "project", "procedure", "items", "materials", "commitments"],
            submission.GetProperty("properties").EnumerateObject().Select(p => p.Name).Where(n => n is "applicant" or "project" or "procedure" or "items" or "materials" or "commitments"));
        var decision = paths.GetProperty("/api/departments/{dept}/decisions").GetProperty("post").GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        Assert.True(decision.GetProperty("properties").TryGetProperty("decision", out _), decision.ToString());
        Assert.True(paths.GetProperty("/api/materials").GetProperty("post").GetProperty("requestBody").GetProperty("content").TryGetProperty("application/octet-stream", out _));
        Assert.False(paths.GetProperty("/api/utilities/applications/{id}/connection").GetProperty("post").TryGetProperty("requestBody", out _));
        var formless = paths.EnumerateObject().SelectMany(p => p.Value.EnumerateObject().Select(o => (Path: p.Name, Method: o.Name, Operation: o.Value)))
            .Where(o => o.Method is "post" or "put" && o.Operation.TryGetProperty("requestBody", out var body)
                && body.GetProperty("content").TryGetProperty("application/json", out var json) && !json.GetProperty("schema").TryGetProperty("properties", out _)
                && !body.TryGetProperty("description", out _))
            .Select(o => $"{o.Method} {o.Path}").ToList();
        Assert.True(formless.Count == 0, "a JSON body without its fields: " + string.Join(", ", formless));
    }

    [Fact]
    public void Every_call_in_api_md_is_an_http_function_and_the_queue_and_timers_are_its_triggers()
    {
        var apiMd = File.ReadAllText(Path.Combine(RepoPaths.Root, "..", "shared", "api.md"));
        // The seed systems' paths are still to build (issues 16, 17); everything above them is served today.
        var served = apiMd[..apiMd.IndexOf("## The seed systems still to build", StringComparison.Ordinal)];
        var calls = Call().Matches(served).Select(m => (Method: m.Groups["method"].Value, Path: Normalize(m.Groups["path"].Value))).Distinct().ToList();
        Assert.True(calls.Count >= 20, $"only {calls.Count} calls read from api.md");
        var functions = Metadata.Where(e => e.Trigger == "httpTrigger").SelectMany(e => e.Methods.Select(m => (Method: m, Path: Normalize("/api/" + e.Route)))).ToHashSet();
        var missing = calls.Where(c => !functions.Contains(c)).Select(c => $"{c.Method} {c.Path}").ToList();
        Assert.True(missing.Count == 0, "api.md calls without a function: " + string.Join(", ", missing));

        Assert.Contains(Metadata, e => e is { Name: "DepartmentResponse", Trigger: "queueTrigger", Queue: AzureResourceNames.DepartmentResponsesQueue });
        // api.md: daily 01:00 and 02:00 Asia/Shanghai = 17:00 and 18:00 UTC (Linux plans run NCRONTAB in UTC).
        Assert.Contains(Metadata, e => e is { Name: "CommitmentAudit", Trigger: "timerTrigger", Schedule: "0 0 17 * * *" });
        Assert.Contains(Metadata, e => e is { Name: "MonthlyReport", Trigger: "timerTrigger", Schedule: "0 0 18 * * *" });
    }

    /// <summary>
    /// The seed systems built so far: every call of their api.md rows (the rows naming <paramref name="pathFragment"/>) is a
    /// function, and the system's orchestration is an orchestration trigger.
    /// </summary>
    [Theory]
    [InlineData("/calls", 5, "CallAndRespond")]
    [InlineData("/utilities/applications", 3, "UtilitiesJointApplication")]
    [InlineData("/direct-service/bookings", 3, "DirectServiceBooking")]
    [InlineData("/land-to-start", 3, "LandToStart")]
    [InlineData("/business-openings", 2, "BusinessOpening")]
    [InlineData("/supervision/warnings", 2, "ProjectStewardPlan")]
    public void The_built_seed_systems_of_api_md_are_http_functions(string pathFragment, int callCount, string orchestration)
    {
        var apiMd = File.ReadAllText(Path.Combine(RepoPaths.Root, "..", "shared", "api.md"));
        var seeds = apiMd[apiMd.IndexOf("## The seed systems still to build", StringComparison.Ordinal)..];
        var rows = seeds.Split('\n').Where(line => line.StartsWith('|') && line.Contains(pathFragment, StringComparison.Ordinal)).ToList();
        var calls = rows.SelectMany(r => Call().Matches(r)).Select(m => (Method: m.Groups["method"].Value, Path: Normalize(m.Groups["path"].Value))).Distinct().ToList();
        Assert.Equal(callCount, calls.Count);
        var functions = Metadata.Where(e => e.Trigger == "httpTrigger").SelectMany(e => e.Methods.Select(m => (Method: m, Path: Normalize("/api/" + e.Route)))).ToHashSet();
        var missing = calls.Where(c => !functions.Contains(c)).Select(c => $"{c.Method} {c.Path}").ToList();
        Assert.True(missing.Count == 0, $"api.md calls of {pathFragment} without a function: " + string.Join(", ", missing));
        Assert.Contains(Metadata, e => e.Name == orchestration && e.Trigger == "orchestrationTrigger");
    }

    [Fact]
    public void The_supervisor_sees_open_calls_by_unit() =>
        Assert.Contains(Metadata, e => e is { Name: "SupervisionCalls", Trigger: "httpTrigger", Route: "supervision/calls" });

    private static string Normalize(string path) => Parameter().Replace(path.Split('?')[0].TrimEnd('/'), "{}");

    [GeneratedRegex(@"`(?<method>GET|POST|PUT|DELETE|PATCH) (?<path>/api/[^` ]+)")]
    private static partial Regex Call();

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
