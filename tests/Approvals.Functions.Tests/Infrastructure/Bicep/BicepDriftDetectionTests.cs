using Approvals.Functions.Hosting;

namespace Approvals.Functions.Tests.Infrastructure.Bicep;

/// <summary>
/// The consistency check can fail: a name changed on one side only is reported, exactly. Each test rewrites
/// one side in memory (the template text, or the code's names) and compares the full drift list.
/// </summary>
public sealed class BicepDriftDetectionTests
{
    private static readonly IReadOnlyList<FunctionBinding> Bindings = FunctionBinding.LoadAll(RepoPaths.Functions);

    private static BicepTemplate TemplateWith(string file, string from, string to) =>
        BicepTemplate.Load(RepoPaths.InfraBicep, (path, text) =>
        {
            if (path != file) return text;
            Assert.Contains(from, text, StringComparison.Ordinal);
            return text.Replace(from, to, StringComparison.Ordinal);
        });

    [Fact]
    public void The_unchanged_template_has_no_drift()
    {
        Assert.Empty(InfraConsistency.Check(BicepTemplate.Load(RepoPaths.InfraBicep), CodeNames.FromAzureResourceNames(), Bindings));
    }

    [Fact]
    public void A_storage_queue_renamed_in_the_Bicep_only_is_reported_exactly()
    {
        var template = TemplateWith("modules/storage.bicep", "  'approvals-control'\n", "  'approvals-ctrl'\n");

        var drift = InfraConsistency.Check(template, CodeNames.FromAzureResourceNames(), Bindings);

        Assert.Equal(
            [
                "storage queue 'approvals-control' is named in AzureResourceNames but not declared in the Bicep",
                "storage queue 'approvals-ctrl' is declared in the Bicep but not named in AzureResourceNames",
            ],
            drift);
    }

    [Fact]
    public void The_service_bus_queue_renamed_in_the_Bicep_only_is_reported_exactly()
    {
        var template = TemplateWith("modules/servicebus.bicep", "name: 'department-responses'", "name: 'department-answers'");

        var drift = InfraConsistency.Check(template, CodeNames.FromAzureResourceNames(), Bindings);

        Assert.Equal(
            [
                "Service Bus queue 'department-responses' is named in AzureResourceNames but not declared in the Bicep",
                "Service Bus queue 'department-answers' is declared in the Bicep but not named in AzureResourceNames",
                "function DepartmentResponse: serviceBusTrigger: queue 'department-responses' is not declared as a Service Bus queue in the Bicep",
            ],
            drift);
    }

    [Fact]
    public void A_table_renamed_in_the_code_only_is_reported_exactly()
    {
        var code = CodeNames.FromAzureResourceNames() with
        {
            Tables = [.. AzureResourceNames.Tables.Select(t => t == AzureResourceNames.CreditLedgerTable ? "CreditRecords" : t)],
        };

        var drift = InfraConsistency.Check(BicepTemplate.Load(RepoPaths.InfraBicep), code, Bindings);

        Assert.Equal(
            [
                "table 'CreditRecords' is named in AzureResourceNames but not declared in the Bicep",
                "table 'CreditLedger' is declared in the Bicep but not named in AzureResourceNames",
            ],
            drift);
    }

    [Fact]
    public void A_function_json_queue_renamed_only_there_is_reported_exactly()
    {
        // No function binds a storage queue today; a queue trigger added with a name neither side knows is caught.
        var bindings = Bindings.Append(Bindings.Single(b => b.Function == "DepartmentResponse") with { Function = "EngineActivities", Type = "queueTrigger", QueueName = "approvals-work", Connection = "AzureWebJobsStorage" }).ToList();

        var drift = InfraConsistency.Check(BicepTemplate.Load(RepoPaths.InfraBicep), CodeNames.FromAzureResourceNames(), bindings);

        Assert.Equal(
            [
                "function EngineActivities: queueTrigger: queue 'approvals-work' is not named in AzureResourceNames",
                "function EngineActivities: queueTrigger: queue 'approvals-work' is not declared as a storage queue in the Bicep",
            ],
            drift);
    }

    [Fact]
    public void A_missing_identity_setting_for_the_service_bus_connection_is_reported_exactly()
    {
        var template = TemplateWith("modules/functionapp.bicep", "name: 'ServiceBusConnection__fullyQualifiedNamespace'", "name: 'ServiceBusConnection__namespace'");

        var drift = InfraConsistency.Check(template, CodeNames.FromAzureResourceNames(), Bindings);

        Assert.Equal(
            [
                "function DepartmentResponse: serviceBusTrigger: connection 'ServiceBusConnection' needs app setting 'ServiceBusConnection__fullyQualifiedNamespace'",
                "app setting 'ServiceBusConnection__fullyQualifiedNamespace' (AzureResourceNames.AppSettings) is not set in the Bicep",
            ],
            drift);
    }

    [Fact]
    public void WEBSITE_TIME_ZONE_is_reported_because_the_timer_schedules_are_UTC()
    {
        var template = TemplateWith("modules/functionapp.bicep", "      appSettings: [\n",
            "      appSettings: [\n        {\n          name: 'WEBSITE_TIME_ZONE'\n          value: 'Asia/Shanghai'\n        }\n");

        var drift = Assert.Single(InfraConsistency.Check(template, CodeNames.FromAzureResourceNames(), Bindings));
        Assert.StartsWith("app setting 'WEBSITE_TIME_ZONE' is set", drift, StringComparison.Ordinal);
    }
}
