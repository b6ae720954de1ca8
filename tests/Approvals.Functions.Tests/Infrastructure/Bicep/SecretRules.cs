namespace Approvals.Functions.Tests.Infrastructure.Bicep;

/// <summary>
/// No key or secret anywhere in the template: no key-listing functions, no key material in strings, no secure
/// parameter defaults, no connection-string settings, and local (key) authentication off on every service that
/// has it.
/// </summary>
public static class SecretRules
{
    public static readonly IReadOnlyList<string> KeyFunctions =
        ["listKeys", "listKeyValue", "listConnectionStrings", "listAccountSas", "listServiceSas", "listSecrets", "listCredentials", "listAdminKeys", "listQueryKeys"];

    public static readonly IReadOnlyList<string> KeyFragments =
        ["AccountKey=", "SharedAccessKey", "SharedAccessSignature", "DefaultEndpointsProtocol=", "InstrumentationKey=", "sig="];

    /// <summary>The one connection-string setting allowed: App Insights with local auth disabled (ingestion needs Entra).</summary>
    public const string ApplicationInsightsConnectionString = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    public static IEnumerable<string> Check(BicepTemplate template, IEnumerable<(string Path, string Text)> parameterFiles)
    {
        foreach (var file in template.Files)
        {
            for (var i = 0; i < file.Tokens.Count - 1; i++)
            {
                var token = file.Tokens[i];
                if (token.Kind == BicepTokenKind.Identifier && file.Tokens[i + 1].IsSymbol("(")
                    && KeyFunctions.Contains(token.Text, StringComparer.OrdinalIgnoreCase))
                {
                    yield return $"{file.Path}({token.Line}): {token.Text}( reads a key";
                }
                if (token.Kind == BicepTokenKind.String)
                {
                    foreach (var fragment in KeyFragments.Where(f => token.Value.Contains(f, StringComparison.OrdinalIgnoreCase)))
                    {
                        yield return $"{file.Path}({token.Line}): a string holds '{fragment}'";
                    }
                }
            }
            foreach (var property in BicepWalk.Values(file).OfType<BicepObject>().SelectMany(o => o.Properties)
                .Where(p => p.Key.Contains("connectionstring", StringComparison.OrdinalIgnoreCase)))
            {
                yield return $"{file.Path}({property.Value.Line}): property '{property.Key}' sets a connection string";
            }
            foreach (var parameter in file.Parameters.Where(p => p.IsSecure && p.Default is not null))
            {
                yield return $"{file.Path}({parameter.Line}): secure parameter '{parameter.Name}' has a default value";
            }
        }
        foreach (var (path, text) in parameterFiles)
        {
            foreach (var fragment in KeyFragments.Where(f => text.Contains(f, StringComparison.OrdinalIgnoreCase)))
            {
                yield return $"{path}: holds '{fragment}'";
            }
        }
        foreach (var setting in template.AppSettings().Where(s => s.Name.Contains("connectionstring", StringComparison.OrdinalIgnoreCase)
            || s.Name.Replace("_", "", StringComparison.Ordinal).Contains("connectionstring", StringComparison.OrdinalIgnoreCase)))
        {
            if (setting.Name != ApplicationInsightsConnectionString) yield return $"app setting '{setting.Name}' is a connection string";
        }
        foreach (var drift in LocalAuthOff(template, "Microsoft.Storage/storageAccounts", "allowSharedKeyAccess", false)) yield return drift;
        foreach (var drift in LocalAuthOff(template, "Microsoft.ServiceBus/namespaces", "disableLocalAuth", true)) yield return drift;
        foreach (var drift in LocalAuthOff(template, "Microsoft.Insights/components", "DisableLocalAuth", true)) yield return drift;
    }

    private static IEnumerable<string> LocalAuthOff(BicepTemplate template, string type, string property, bool required)
    {
        foreach (var resource in template.Resources(type))
        {
            var value = resource.Body?["properties"] is BicepObject properties ? properties[property] : null;
            if ((value as BicepExpression)?.Boolean != required)
            {
                yield return $"{resource.Where}: properties.{property} must be {(required ? "true" : "false")} (no key-based access)";
            }
        }
    }
}
