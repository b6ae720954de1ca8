namespace Approvals.Functions.Tests.Infrastructure.Bicep;

/// <summary>
/// Identity-based connections as the Functions host reads them: <c>&lt;Connection&gt;__accountName</c> (storage) or
/// <c>&lt;Connection&gt;__fullyQualifiedNamespace</c> (Service Bus), <c>__credential = managedidentity</c> and the
/// user-assigned identity's <c>__clientId</c>; never the plain <c>&lt;Connection&gt;</c> setting, which holds a
/// connection string with a key.
/// </summary>
public static class ConnectionRules
{
    public static IEnumerable<string> Storage(string at, string connection, IReadOnlyList<AppSetting> settings) =>
        Identity(at, connection, $"{connection}__accountName", settings);

    public static IEnumerable<string> ServiceBus(string at, string? connection, IReadOnlyList<AppSetting> settings) =>
        connection is null
            ? [$"{at}: no connection name (the default would be a connection string setting)"]
            : Identity(at, connection, $"{connection}__fullyQualifiedNamespace", settings);

    private static IEnumerable<string> Identity(string at, string connection, string endpointSetting, IReadOnlyList<AppSetting> settings)
    {
        AppSetting? Find(string name) => settings.FirstOrDefault(s => s.Name == name);
        if (Find(endpointSetting) is null) yield return $"{at}: connection '{connection}' needs app setting '{endpointSetting}'";
        if (Find($"{connection}__credential")?.Literal != "managedidentity") yield return $"{at}: connection '{connection}' needs app setting '{connection}__credential' = 'managedidentity'";
        if (Find($"{connection}__clientId") is null) yield return $"{at}: connection '{connection}' needs app setting '{connection}__clientId' (the user-assigned identity)";
        if (Find(connection) is not null) yield return $"{at}: app setting '{connection}' is a connection string; use the identity-based settings only";
    }
}
