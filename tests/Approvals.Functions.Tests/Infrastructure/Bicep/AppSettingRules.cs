namespace Approvals.Functions.Tests.Infrastructure.Bicep;

/// <summary>The app settings the code reads are set, once each, and none that would break the app on Flex Consumption.</summary>
public static class AppSettingRules
{
    /// <summary>Not app settings on Flex Consumption (functionAppConfig holds runtime and deployment), or key-based.</summary>
    public static readonly IReadOnlyList<string> NotOnFlexConsumption =
    [
        "FUNCTIONS_WORKER_RUNTIME",
        "FUNCTIONS_WORKER_RUNTIME_VERSION",
        "FUNCTIONS_EXTENSION_VERSION",
        "WEBSITE_RUN_FROM_PACKAGE",
        "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING",
        "WEBSITE_CONTENTSHARE",
        "SCM_DO_BUILD_DURING_DEPLOYMENT",
        "AzureWebJobsStorage",
    ];

    /// <summary>Outside Development the app validates bearer tokens itself and does not start without these (Identity/CallerAuthenticationOptions).</summary>
    public static readonly IReadOnlyList<string> Identity = ["Auth__Authority", "Auth__Audience"];

    public static IEnumerable<string> Check(BicepTemplate template, CodeNames code)
    {
        var settings = template.AppSettings();
        if (settings.Count == 0) yield return "no Microsoft.Web/sites resource with siteConfig.appSettings in the Bicep";
        foreach (var unreadable in settings.Where(s => s.Name.StartsWith('<'))) yield return $"{unreadable.Where}: {unreadable.Name}";
        foreach (var duplicate in settings.GroupBy(s => s.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            yield return $"app setting '{duplicate.Key}' is set {duplicate.Count()} times";
        }
        var names = settings.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var name in code.AppSettings.Where(n => !names.Contains(n)))
        {
            yield return $"app setting '{name}' (AzureResourceNames.AppSettings) is not set in the Bicep";
        }
        foreach (var name in NotOnFlexConsumption.Where(names.Contains))
        {
            yield return $"app setting '{name}' must not be set on Flex Consumption";
        }
        foreach (var auth in Identity.Where(n => !names.Contains(n)))
        {
            yield return $"app setting '{auth}' is not set: outside Development the app validates bearer tokens and does not start without it";
        }
        if (names.Contains("WEBSITE_AUTH_ENABLED"))
        {
            yield return "app setting 'WEBSITE_AUTH_ENABLED' is set: the platform sets it when its authentication is on; set by hand it makes the app trust a forgeable X-MS-CLIENT-PRINCIPAL";
        }
        if (names.Contains("WEBSITE_TIME_ZONE"))
        {
            yield return "app setting 'WEBSITE_TIME_ZONE' is set: it is not supported on Linux consumption plans, and the [TimerTrigger] schedules are already UTC";
        }
        foreach (var environment in settings.Where(s => s.Name is "ASPNETCORE_ENVIRONMENT" or "DOTNET_ENVIRONMENT" or "AZURE_FUNCTIONS_ENVIRONMENT"))
        {
            if (environment.Literal is not { } value || value.Equals("Development", StringComparison.OrdinalIgnoreCase))
            {
                yield return $"app setting '{environment.Name}' must be a literal other than Development (dev tokens and the dev clock exist only there)";
            }
        }
        foreach (var credential in settings.Where(s => s.Name.EndsWith("__credential", StringComparison.Ordinal) && s.Literal != "managedidentity"))
        {
            yield return $"app setting '{credential.Name}' must be 'managedidentity'";
        }
        if (settings.FirstOrDefault(s => s.Name == "Storage__Mode") is { } mode && mode.Literal != "azure")
        {
            yield return "app setting 'Storage__Mode' must be 'azure' in Azure";
        }
    }
}
