using System.Security.Claims;

namespace Approvals.Functions.Identity;

/// <summary>
/// Development only: the bearer token <c>dev:applicant:&lt;USCC&gt;</c>, <c>dev:department:&lt;DEPT&gt;</c> or
/// <c>dev:supervisor:&lt;name&gt;</c> or <c>dev:steward:&lt;name&gt;</c> names the principal. <see cref="CallerAuthentication"/> refuses them elsewhere.
/// </summary>
internal static class DevToken
{
    public const string Prefix = "dev:";
    public const string AuthenticationType = "DevToken";

    public static CallerAuthenticationResult Read(string token)
    {
        var parts = token.Split(':', 3);
        if (parts.Length != 3 || string.IsNullOrWhiteSpace(parts[2]))
        {
            return CallerAuthenticationResult.Refuse("A dev token reads dev:<applicant|department|supervisor|steward>:<id>.");
        }
        var (role, claim) = parts[1].ToLowerInvariant() switch
        {
            "applicant" => (Roles.Applicant, Roles.UsccClaim),
            "department" => (Roles.Department, Roles.DepartmentClaim),
            "supervisor" => (Roles.Supervisor, ClaimTypes.Name),
            "steward" => (Roles.Steward, ClaimTypes.Name),
            _ => (null, null),
        };
        if (role is null || claim is null) return CallerAuthenticationResult.Refuse($"Unknown dev role '{parts[1]}'.");

        var value = role is Roles.Supervisor or Roles.Steward ? parts[2] : parts[2].ToUpperInvariant();
        var claims = new List<Claim> { new(ClaimTypes.Role, role), new(claim, value) };
        if (claim != ClaimTypes.Name) claims.Add(new Claim(ClaimTypes.Name, $"{parts[1]}:{value}"));
        return CallerAuthenticationResult.Success(new ClaimsPrincipal(new ClaimsIdentity(claims, AuthenticationType, ClaimTypes.Name, ClaimTypes.Role)));
    }
}
