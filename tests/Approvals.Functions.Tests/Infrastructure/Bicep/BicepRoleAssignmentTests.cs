namespace Approvals.Functions.Tests.Infrastructure.Bicep;

/// <summary>The managed identity gets the built-in data roles the app needs, at the narrowest scope, and nothing more.</summary>
public sealed class BicepRoleAssignmentTests
{
    private const string StorageAccount = "Microsoft.Storage/storageAccounts";

    /// <summary>Built-in role definition ids (learn.microsoft.com, "Azure built-in roles").</summary>
    public static readonly IReadOnlyList<RequiredRole> Required =
    [
        new("Storage Blob Data Contributor", "ba92f5b4-2d11-453d-a403-e96b0029c9fe", [StorageAccount]),
        new("Storage Table Data Contributor", "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", [StorageAccount]),
        new("Storage Queue Data Contributor", "974c5e8b-45b9-4653-ba55-5f855dd0fb88", [StorageAccount]),
        new("Azure Service Bus Data Sender", "69a216fc-b8fb-44d8-bc22-1f3c2cd27a39", [InfraConsistency.ServiceBusTopicType]),
        new("Monitoring Metrics Publisher", "3913510d-42f4-4e42-8a64-420c390055eb", ["Microsoft.Insights/components"]),
    ];

    private const string Owner = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635";

    [Fact]
    public void Each_required_role_is_assigned_once_at_its_scope_to_a_service_principal()
    {
        var template = BicepTemplate.Load(RepoPaths.InfraBicep);
        Assert.Empty(RoleAssignmentRules.Check(template, Required));
        Assert.Equal(Required.Select(r => r.Id).Order(), RoleAssignmentRules.Find(template).Select(a => a.RoleId!).Order());
    }

    [Fact]
    public void A_broader_role_is_reported_and_the_missing_one_too()
    {
        var template = BicepTemplate.Load(RepoPaths.InfraBicep, (path, text) => path == "modules/rbac.bicep"
            ? text.Replace("storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'", $"storageBlobDataContributor: '{Owner}'", StringComparison.Ordinal)
            : text);
        var drift = RoleAssignmentRules.Check(template, Required).ToList();
        Assert.Equal(2, drift.Count);
        Assert.Contains(drift, d => d.EndsWith($"'blobData': role {Owner} is not one of the roles the app needs", StringComparison.Ordinal));
        Assert.Contains("role Storage Blob Data Contributor (ba92f5b4-2d11-453d-a403-e96b0029c9fe) is not assigned", drift);
    }

    [Fact]
    public void A_service_bus_role_on_the_whole_namespace_is_reported()
    {
        var template = BicepTemplate.Load(RepoPaths.InfraBicep, (path, text) => path == "modules/rbac.bicep"
            ? text.Replace("  scope: departmentTasks\n  properties: {\n    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.serviceBusDataSender)",
                "  scope: serviceBus\n  properties: {\n    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.serviceBusDataSender)", StringComparison.Ordinal)
            : text);
        var drift = Assert.Single(RoleAssignmentRules.Check(template, Required));
        Assert.EndsWith("'serviceBusSender': Azure Service Bus Data Sender is scoped to Microsoft.ServiceBus/namespaces, expected Microsoft.ServiceBus/namespaces/topics", drift, StringComparison.Ordinal);
    }
}
