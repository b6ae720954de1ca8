using System.Text;
using System.Text.Json;

namespace Approvals.Functions.Identity;

/// <summary>
/// The principal App Service authentication passes in <c>X-MS-CLIENT-PRINCIPAL</c> (base64 JSON
/// <c>{auth_typ, name_typ, role_typ, claims:[{typ, val}]}</c>). Anyone can send this header: it means something only
/// where the platform's authentication runs in front and replaces it, which <see cref="CallerAuthentication"/> checks
/// before calling <see cref="Read"/>.
/// </summary>
internal static class AppServicePrincipal
{
    public const string AuthenticationType = "AppService";

    public static CallerAuthenticationResult Read(string encoded, CallerAuthenticationOptions options)
    {
        try
        {
            using var document = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(encoded)));
            var root = document.RootElement;
            var roleType = root.TryGetProperty("role_typ", out var rt) && rt.ValueKind == JsonValueKind.String ? rt.GetString() ?? "roles" : "roles";
            var nameType = root.TryGetProperty("name_typ", out var nt) && nt.ValueKind == JsonValueKind.String ? nt.GetString() : null;
            var claims = new List<(string, string)>();
            foreach (var claim in root.GetProperty("claims").EnumerateArray())
            {
                claims.Add((claim.GetProperty("typ").GetString() ?? "", claim.GetProperty("val").GetString() ?? ""));
            }
            return CallerAuthenticationResult.Success(CallerClaims.Principal(
                claims, AuthenticationType, type => type == roleType || type == options.RoleClaim, options.UsccClaim, options.DepartmentClaim, nameType));
        }
        catch (Exception ex) when (ex is FormatException or JsonException or KeyNotFoundException or InvalidOperationException or DecoderFallbackException)
        {
            return CallerAuthenticationResult.Refuse($"The {CallerCredentials.ClientPrincipalHeader} header could not be read.");
        }
    }
}
