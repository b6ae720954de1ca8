using System.Reflection;
using Approvals.Functions.Hosting;

namespace Approvals.Functions.Tests.Infrastructure.Bicep;

/// <summary>infra-bicep declares what the code and the built functions.metadata bindings use, and sets what the code reads.</summary>
public sealed class BicepConsistencyTests
{
    private static readonly BicepTemplate Template = BicepTemplate.Load(RepoPaths.InfraBicep);
    private static readonly IReadOnlyList<FunctionBinding> Bindings = FunctionBinding.LoadAll(RepoPaths.FunctionsMetadata);
    private static readonly CodeNames Code = CodeNames.FromAzureResourceNames();

    /// <summary>Option properties deliberately not set in Azure, with the reason.</summary>
    private static readonly Dictionary<string, string> NotSetInAzure = new(StringComparer.Ordinal)
    {
        ["Storage__Path"] = "the embedded store's folder; Storage__Mode is 'azure' in Azure",
        ["Storage__ConnectionString"] = "would carry an account key; Azure uses Storage__AccountName with the managed identity",
        ["Portal__MaxMaterialBytes"] = "the code default applies",
        ["Clock__Start"] = "the virtual clock exists only in Development",
        ["Auth__MetadataAddress"] = "derived from Auth__Authority",
        ["Auth__Audiences"] = "v2 access tokens carry the client id alone (Auth__Audience)",
        ["Auth__Issuer"] = "the issuer of Auth__Authority's OpenID configuration",
        ["Auth__Issuers"] = "v2 access tokens only (requestedAccessTokenVersion=2)",
        ["Auth__SigningKeys"] = "the keys of Auth__Authority's OpenID configuration, which roll over",
        ["Auth__RequireHttpsMetadata"] = "the code default (https only) applies",
        ["Auth__ClockSkew"] = "the code default applies",
        ["Auth__RoleClaim"] = "Entra's 'roles' claim, the code default",
        ["Auth__UsccClaim"] = "the claims-mapping policy issues 'uscc', the code default",
        ["Auth__DepartmentClaim"] = "the claims-mapping policy issues 'dept', the code default",
    };

    [Fact]
    public void Every_module_in_the_folder_is_reachable_from_main_so_every_file_is_checked()
    {
        var onDisk = Directory.GetFiles(RepoPaths.InfraBicep, "*.bicep", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepoPaths.InfraBicep, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        Assert.Equal(onDisk, Template.Files.Select(f => f.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Queues_tables_and_containers_match_AzureResourceNames_both_ways()
    {
        Assert.Empty(InfraConsistency.ResourceNames(Template, Code));
        // The check must have seen the resources, not an empty template.
        Assert.Equal(Code.StorageQueues.Count, InfraConsistency.DeclaredNames(Template, InfraConsistency.StorageQueueType).Names.Count);
        Assert.Equal(Code.Tables.Count, InfraConsistency.DeclaredNames(Template, InfraConsistency.TableType).Names.Count);
    }

    [Fact]
    public void Function_bindings_name_declared_queues_and_identity_based_connections()
    {
        Assert.Contains(Bindings, b => b is { Function: "DepartmentResponse", Type: "queueTrigger", QueueName: AzureResourceNames.DepartmentResponsesQueue });
        Assert.Contains(Bindings, b => b is { Function: "CommitmentAudit", Type: "timerTrigger" });
        Assert.Empty(InfraConsistency.Bindings(Template, Code, Bindings));
    }

    [Fact]
    public void App_settings_the_code_reads_are_set_and_nothing_breaks_the_plan()
    {
        Assert.Empty(AppSettingRules.Check(Template, Code));
    }

    [Fact]
    public void Every_options_property_is_set_in_Azure_or_deliberately_left_out()
    {
        var optionKeys = OptionKeys();
        Assert.Contains("Storage__AccountName", optionKeys);
        var undecided = optionKeys.Where(k => !AzureResourceNames.AppSettings.Contains(k) && !AppSettingRules.Identity.Contains(k) && !NotSetInAzure.ContainsKey(k)).ToList();
        Assert.True(undecided.Count == 0, $"Options read by the code but neither in AzureResourceNames.AppSettings nor in NotSetInAzure: {string.Join(", ", undecided)}");
        Assert.All(NotSetInAzure.Keys, k => Assert.Contains(k, optionKeys));
        var settings = Template.AppSettings().Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain("Storage__ConnectionString", settings);
    }

    [Fact]
    public void Parameters_file_names_declared_parameters_and_every_required_one()
    {
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(RepoPaths.ParametersFile));
        var given = json.RootElement.GetProperty("parameters").EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var main = Template.Files.Single(f => f.Path == "main.bicep");
        Assert.All(given, g => Assert.Contains(main.Parameters, p => p.Name == g));
        Assert.Empty(main.Parameters.Where(p => p.Default is null && !given.Contains(p.Name)).Select(p => p.Name));
    }

    [Fact]
    public void Outputs_name_the_app_its_host_the_storage_account_and_the_service_bus_namespace()
    {
        var outputs = Template.Files.Single(f => f.Path == "main.bicep").Statements.OfType<BicepOutput>().Select(o => o.Name);
        Assert.Superset(new HashSet<string> { "functionAppName", "functionAppHostName", "storageAccountName", "serviceBusNamespace" }, outputs.ToHashSet());
    }

    /// <summary><c>Section__Property</c> for every settable property of every options class (a class with a <c>Section</c> constant).</summary>
    private static HashSet<string> OptionKeys() =>
        typeof(AzureResourceNames).Assembly.GetTypes()
            .Select(t => (Type: t, Section: t.GetField("Section", BindingFlags.Public | BindingFlags.Static)))
            .Where(x => x.Section is { IsLiteral: true } && x.Type.Name.EndsWith("Options", StringComparison.Ordinal))
            .SelectMany(x => x.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetSetMethod() is not null)
                .Select(p => $"{x.Section!.GetRawConstantValue()}__{p.Name}"))
            .ToHashSet(StringComparer.Ordinal);
}
