using System.Text.Json;

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
    public void Extension_bundle_is_v4_which_Flex_Consumption_and_identity_based_connections_need()
    {
        var bundle = Host().GetProperty("extensionBundle");
        Assert.Equal("Microsoft.Azure.Functions.ExtensionBundle", bundle.GetProperty("id").GetString());
        Assert.StartsWith("[4.", bundle.GetProperty("version").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Service_bus_settings_use_the_names_of_the_bundle_v4_extension()
    {
        // Bundle v4 carries the Service Bus extension 5.x: autoCompleteMessages and maxConcurrentCalls sit directly
        // under serviceBus; the older messageHandlerOptions block is ignored there without a warning.
        var serviceBus = Host().GetProperty("extensions").GetProperty("serviceBus");
        Assert.False(serviceBus.TryGetProperty("messageHandlerOptions", out _));
        Assert.True(serviceBus.GetProperty("autoCompleteMessages").GetBoolean());
    }
}
