namespace Approvals.Functions.Tests.Infrastructure.Bicep;

/// <summary>No key, SAS, connection string with a key, or secure default anywhere in the template.</summary>
public sealed class BicepSecretTests
{
    private static IEnumerable<(string, string)> ParameterFiles() =>
        [("main.parameters.json", File.ReadAllText(RepoPaths.ParametersFile))];

    [Fact]
    public void Template_and_parameters_hold_no_secret_and_key_auth_is_off()
    {
        Assert.Empty(SecretRules.Check(BicepTemplate.Load(RepoPaths.InfraBicep), ParameterFiles()));
    }

    [Fact]
    public void A_listKeys_call_is_reported()
    {
        var template = BicepTemplate.Load(RepoPaths.InfraBicep, (path, text) => path == "modules/storage.bicep"
            ? text + "\noutput key string = account.listKeys().keys[0].value\n"
            : text);
        Assert.Contains(SecretRules.Check(template, ParameterFiles()), d => d.StartsWith("modules/storage.bicep(", StringComparison.Ordinal) && d.EndsWith("listKeys( reads a key", StringComparison.Ordinal));
    }

    [Fact]
    public void Shared_key_access_switched_on_and_a_secure_default_are_reported()
    {
        var template = BicepTemplate.Load(RepoPaths.InfraBicep, (path, text) => path switch
        {
            "modules/storage.bicep" => text.Replace("allowSharedKeyAccess: false", "allowSharedKeyAccess: true", StringComparison.Ordinal),
            "main.bicep" => text + "\n@secure()\nparam adminPassword string = 'P@ssw0rd'\n",
            _ => text,
        });
        var drift = SecretRules.Check(template, ParameterFiles()).ToList();
        Assert.Contains(drift, d => d.Contains("properties.allowSharedKeyAccess must be false", StringComparison.Ordinal));
        Assert.Contains(drift, d => d.Contains("secure parameter 'adminPassword' has a default value", StringComparison.Ordinal));
    }

    [Fact]
    public void A_connection_string_setting_with_a_key_is_reported()
    {
        var template = BicepTemplate.Load(RepoPaths.InfraBicep, (path, text) => path == "modules/functionapp.bicep"
            ? text.Replace(
                "      appSettings: [\n",
                "      appSettings: [\n        {\n          name: 'Storage__ConnectionString'\n          value: 'DefaultEndpointsProtocol=https;AccountName=x;AccountKey=abc'\n        }\n",
                StringComparison.Ordinal)
            : text);
        var drift = SecretRules.Check(template, ParameterFiles()).ToList();
        Assert.Contains("app setting 'Storage__ConnectionString' is a connection string", drift);
        Assert.Contains(drift, d => d.EndsWith("a string holds 'AccountKey='", StringComparison.Ordinal));
    }

    [Fact]
    public void A_connection_strings_block_in_site_config_is_reported()
    {
        var template = BicepTemplate.Load(RepoPaths.InfraBicep, (path, text) => path == "modules/functionapp.bicep"
            ? text.Replace("      ftpsState: 'Disabled'\n", "      ftpsState: 'Disabled'\n      connectionStrings: [\n        {\n          name: 'Tables'\n          connectionString: tablesConnection\n          type: 'Custom'\n        }\n      ]\n", StringComparison.Ordinal)
            : text);
        var drift = SecretRules.Check(template, ParameterFiles()).ToList();
        Assert.Contains(drift, d => d.EndsWith("property 'connectionStrings' sets a connection string", StringComparison.Ordinal));
        Assert.Contains(drift, d => d.EndsWith("property 'connectionString' sets a connection string", StringComparison.Ordinal));
    }
}
