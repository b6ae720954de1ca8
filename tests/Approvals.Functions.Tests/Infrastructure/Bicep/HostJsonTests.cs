using System.Text.Json;
using Approvals.Functions.Hosting;

namespace Approvals.Functions.Tests.Infrastructure.Bicep;

/// <summary>host.json fits the plan and the bindings infra-bicep sets up.</summary>
public sealed class HostJsonTests
{
    private static JsonElement Host()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "host.json")));
        return document.RootElement.Clone();
    }

    [Fact]
    public void Host_json_is_the_isolated_workers_with_the_durable_task_hub_and_no_custom_handler()
    {
        var host = Host();
        Assert.False(host.TryGetProperty("customHandler", out _));
        // The isolated worker's extensions come from its build (extensions.json), not from a bundle.
        Assert.False(host.TryGetProperty("extensionBundle", out _));
        var durable = host.GetProperty("extensions").GetProperty("durableTask");
        Assert.Equal(AzureResourceNames.TaskHub, durable.GetProperty("hubName").GetString());
        Assert.Equal("AzureStorage", durable.GetProperty("storageProvider").GetProperty("type").GetString());
        Assert.Equal("api", host.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
    }

    [Fact]
    public void The_queue_delivery_count_is_the_one_the_queue_function_dead_letters_at()
    {
        var queues = Host().GetProperty("extensions").GetProperty("queues");
        Assert.Equal(Approvals.Functions.Triggers.QueueDelivery.MaxDequeueCount, queues.GetProperty("maxDequeueCount").GetInt32());
        Assert.Equal(Approvals.Functions.LocalHost.HostSettings.Load(Path.Combine(RepoPaths.Root, "host.json")).MaxDequeueCount, queues.GetProperty("maxDequeueCount").GetInt32());
    }
}
