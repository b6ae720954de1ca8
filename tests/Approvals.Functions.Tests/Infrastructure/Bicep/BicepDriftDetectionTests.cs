using Approvals.Functions.Hosting;

namespace Approvals.Functions.Tests.Infrastructure.Bicep;

/// <summary>
/// The consistency check can fail: a name changed on one side only is reported, exactly. Each test rewrites
/// one side in memory (the template text, or the code's names) and compares the full drift list.
/// </summary>
public sealed class BicepDriftDetectionTests
{
    private static readonly IReadOnlyList<FunctionBinding> Bindings = FunctionBinding.LoadAll(RepoPaths.FunctionsMetadata);

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
        var template = TemplateWith("modules/storage.bicep", "  'department-responses'\n", "  'department-answers'\n");

        var drift = InfraConsistency.Check(template, CodeNames.FromAzureResourceNames(), Bindings);

        Assert.Equal(
            [
                "storage queue 'department-responses' is named in AzureResourceNames but not declared in the Bicep",
                "storage queue 'department-answers' is declared in the Bicep but not named in AzureResourceNames",
                "function DepartmentResponse: queueTrigger: queue 'department-responses' is not declared as a storage queue in the Bicep",
            ],
            drift);
    }

    [Fact]
    public void The_service_bus_topic_renamed_in_the_Bicep_only_is_reported_exactly()
    {
        var template = TemplateWith("modules/servicebus.bicep", "name: 'department-tasks'", "name: 'department-jobs'");

        var drift = InfraConsistency.Check(template, CodeNames.FromAzureResourceNames(), Bindings);

        Assert.Equal(
            [
                "Service Bus topic 'department-tasks' is named in AzureResourceNames but not declared in the Bicep",
                "Service Bus topic 'department-jobs' is declared in the Bicep but not named in AzureResourceNames",
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
    public void A_queue_trigger_on_a_queue_neither_side_knows_is_reported_exactly()
    {
        var bindings = Bindings.Append(Bindings.Single(b => b is { Function: "DepartmentResponse", Type: "queueTrigger" }) with { Function = "EngineActivities", Type = "queueTrigger", QueueName = "approvals-work", Connection = "AzureWebJobsStorage" }).ToList();

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
