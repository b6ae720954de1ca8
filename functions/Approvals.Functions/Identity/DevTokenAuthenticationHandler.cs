using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Approvals.Functions.Identity;

/// <summary>
/// Development only: <c>Authorization: Bearer dev:applicant:&lt;USCC&gt;</c>, <c>dev:department:&lt;DEPT&gt;</c> or
/// <c>dev:supervisor:&lt;name&gt;</c> names the principal. Outside Development such tokens are refused (401).
/// </summary>
public sealed class DevTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IHostEnvironment environment)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "DevToken";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer dev:", StringComparison.Ordinal)) return Task.FromResult(AuthenticateResult.NoResult());
        if (!environment.IsDevelopment()) return Task.FromResult(AuthenticateResult.Fail("Dev tokens are accepted only in the Development environment."));

        var parts = header["Bearer ".Length..].Split(':', 3);
        if (parts.Length != 3 || string.IsNullOrWhiteSpace(parts[2]))
        {
            return Task.FromResult(AuthenticateResult.Fail("A dev token reads dev:<applicant|department|supervisor>:<id>."));
        }
        var (role, claim) = parts[1].ToLowerInvariant() switch
        {
            "applicant" => (Roles.Applicant, Roles.UsccClaim),
            "department" => (Roles.Department, Roles.DepartmentClaim),
            "supervisor" => (Roles.Supervisor, ClaimTypes.Name),
            _ => (null, null),
        };
        if (role is null) return Task.FromResult(AuthenticateResult.Fail($"Unknown dev role '{parts[1]}'."));

        var value = role == Roles.Supervisor ? parts[2] : parts[2].ToUpperInvariant();
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Role, role), new Claim(claim!, value), new Claim(ClaimTypes.Name, $"{parts[1]}:{value}")],
            SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
