using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Approvals.Functions.Identity;

/// <summary>
/// In Azure, App Service authentication (Entra ID) validates the caller and passes the principal in the
/// <c>X-MS-CLIENT-PRINCIPAL</c> header (base64 JSON of claims). This handler turns it into roles and the
/// <c>uscc</c> / <c>dept</c> claims the API authorizes on.
/// </summary>
public sealed class AppServicePrincipalAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "AppService";
    public const string Header = "X-MS-CLIENT-PRINCIPAL";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var encoded) || string.IsNullOrEmpty(encoded)) return Task.FromResult(AuthenticateResult.NoResult());
        try
        {
            using var document = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(encoded!)));
            var root = document.RootElement;
            var roleType = root.TryGetProperty("role_typ", out var rt) ? rt.GetString() ?? "roles" : "roles";
            var claims = new List<Claim>();
            foreach (var claim in root.GetProperty("claims").EnumerateArray())
            {
                var type = claim.GetProperty("typ").GetString() ?? "";
                var value = claim.GetProperty("val").GetString() ?? "";
                claims.Add(type == roleType || type == "roles" ? new Claim(ClaimTypes.Role, value) : new Claim(type, value));
            }
            var identity = new ClaimsIdentity(claims, SchemeName, ClaimTypes.Name, ClaimTypes.Role);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
        }
        catch (Exception ex) when (ex is FormatException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return Task.FromResult(AuthenticateResult.Fail($"The {Header} header could not be read."));
        }
    }
}
