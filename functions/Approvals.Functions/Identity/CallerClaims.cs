using System.Security.Claims;

namespace Approvals.Functions.Identity;

/// <summary>
/// Turns verified claims into the principal the API authorizes on: every role as <see cref="ClaimTypes.Role"/>, the
/// applicant's USCC as <see cref="Roles.UsccClaim"/> and the department as <see cref="Roles.DepartmentClaim"/> (upper
/// case, as dev tokens have them), a <see cref="ClaimTypes.Name"/>, every other claim as it came.
/// </summary>
internal static class CallerClaims
{
    private static readonly string[] NameSources = ["name", "preferred_username", "upn", "oid", "sub", "azp", "appid"];

    public static ClaimsPrincipal Principal(
        IEnumerable<(string Type, string Value)> claims, string authenticationType, Func<string, bool> isRole, string usccClaim, string departmentClaim, string? nameClaim = null)
    {
        var result = new List<Claim>();
        string? name = null;
        foreach (var (type, value) in claims)
        {
            if (string.IsNullOrWhiteSpace(value)) continue;
            if (name is null && nameClaim is not null && type == nameClaim) name = value;
            if (isRole(type)) result.Add(new Claim(ClaimTypes.Role, value));
            else if (type == usccClaim) result.Add(new Claim(Roles.UsccClaim, value.Trim().ToUpperInvariant()));
            else if (type == departmentClaim) result.Add(new Claim(Roles.DepartmentClaim, value.Trim().ToUpperInvariant()));
            // Only the mapping above grants a role or a name: an inbound claim that already has those types is dropped.
            else if (type is ClaimTypes.Role or ClaimTypes.Name) continue;
            else result.Add(new Claim(type, value));
        }
        name ??= NameSources.Select(source => result.FirstOrDefault(c => c.Type == source)?.Value).FirstOrDefault(v => v is not null);
        if (name is not null) result.Add(new Claim(ClaimTypes.Name, name));
        return new ClaimsPrincipal(new ClaimsIdentity(result, authenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }
}
