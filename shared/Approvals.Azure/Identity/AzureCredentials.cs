using Azure.Core;
using Azure.Identity;

namespace Approvals.Azure.Identity;

/// <summary>The credential the app signs in with in Azure: its user-assigned managed identity when a client id is configured, else the default chain.</summary>
public static class AzureCredentials
{
    /// <summary>
    /// <see cref="ManagedIdentityCredential"/> for <paramref name="managedIdentityClientId"/> (what the Function App runs
    /// as in Azure), or <see cref="DefaultAzureCredential"/> when none is given (a developer's own sign-in).
    /// </summary>
    public static TokenCredential Create(string? managedIdentityClientId) =>
        string.IsNullOrWhiteSpace(managedIdentityClientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(managedIdentityClientId));
}
