using Approvals.Functions.Hosting;

namespace Approvals.Functions.Tests.Infrastructure.Bicep;

/// <summary>The names the code uses, as the consistency checks compare them with the template.</summary>
public sealed record CodeNames(
    IReadOnlyList<string> StorageQueues,
    IReadOnlyList<string> Tables,
    IReadOnlyList<string> Containers,
    IReadOnlyList<string> ServiceBusTopics,
    IReadOnlyList<string> AppSettings)
{
    /// <summary>Straight from <see cref="AzureResourceNames"/>, the single source of truth.</summary>
    public static CodeNames FromAzureResourceNames() => new(
        AzureResourceNames.StorageQueues,
        AzureResourceNames.Tables,
        AzureResourceNames.Containers,
        AzureResourceNames.ServiceBusTopics,
        AzureResourceNames.AppSettings);
}
