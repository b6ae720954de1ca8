using System.Text.Json;
using Approvals.Functions.Identity;

namespace Approvals.Functions.Tests.Infrastructure.Bicep;

/// <summary>The app roles manifest for the Entra registration (infra-bicep/entra/app-roles.json) names the roles the handler authorizes on.</summary>
public sealed class EntraAppRolesTests
{
    [Fact]
    public void Manifest_has_exactly_the_handler_roles_with_distinct_fixed_ids()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.InfraBicep, "entra", "app-roles.json")));
        var roles = manifest.RootElement.EnumerateArray().ToList();

        Assert.Equal([Roles.Applicant, Roles.Department, Roles.Steward, Roles.Supervisor], roles.Select(r => r.GetProperty("value").GetString()).Order(StringComparer.Ordinal));
        var ids = roles.Select(r => Guid.Parse(r.GetProperty("id").GetString()!)).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.DoesNotContain(Guid.Empty, ids);
        Assert.All(roles, r => Assert.True(r.GetProperty("isEnabled").GetBoolean()));
        Assert.Contains("Application", roles.Single(r => r.GetProperty("value").GetString() == Roles.Department)
            .GetProperty("allowedMemberTypes").EnumerateArray().Select(m => m.GetString()));
    }
}
