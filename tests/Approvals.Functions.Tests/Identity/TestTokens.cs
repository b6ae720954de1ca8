using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Approvals.Functions.Tests.Identity;

/// <summary>Entra-shaped access tokens signed by a test RSA key, and the <c>Auth</c> settings that trust that key.</summary>
public static class TestTokens
{
    public const string Tenant = "7a1f3c2e-5b4d-4e6f-8a9b-0c1d2e3f4a5b";
    public const string Issuer = "https://login.microsoftonline.com/" + Tenant + "/v2.0";
    public const string Audience = "3e9b7c41-2d6a-4f80-9b1e-6c5d4a3b2f10";

    /// <summary>The key the configured settings trust.</summary>
    public static readonly RSA Key = RSA.Create(2048);

    /// <summary>A key nobody trusts.</summary>
    public static readonly RSA OtherKey = RSA.Create(2048);

    public static string PublicPem(RSA key) => key.ExportSubjectPublicKeyInfoPem();

    /// <summary><c>Auth:Issuer</c>, <c>Auth:Audience</c>, <c>Auth:SigningKeys:0</c> for the test key, plus <paramref name="extra"/>.</summary>
    public static Dictionary<string, string> Settings(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string>
        {
            ["Auth:Issuer"] = Issuer,
            ["Auth:Audience"] = Audience,
            ["Auth:SigningKeys:0"] = PublicPem(Key),
        };
        foreach (var (key, value) in extra) settings[key] = value;
        return settings;
    }

    public static string Issue(
        string[] roles,
        IReadOnlyDictionary<string, object>? claims = null,
        string issuer = Issuer,
        string audience = Audience,
        DateTime? expires = null,
        RSA? key = null,
        string? keyId = "test-key")
    {
        var expiry = expires ?? DateTime.UtcNow.AddHours(1);
        var payload = new Dictionary<string, object> { ["roles"] = roles, ["oid"] = Guid.NewGuid().ToString(), ["tid"] = Tenant };
        foreach (var (type, value) in claims ?? new Dictionary<string, object>()) payload[type] = value;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = expiry.AddHours(-2),
            NotBefore = expiry.AddHours(-2),
            Expires = expiry,
            Claims = payload,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key ?? Key) { KeyId = keyId }, SecurityAlgorithms.RsaSha256),
        });
    }

    public static string Applicant(string uscc) => Issue(["Applicant"], new Dictionary<string, object> { ["uscc"] = uscc });

    public static string Department(string dept) => Issue(["Department"], new Dictionary<string, object> { ["dept"] = dept });

    public static string Supervisor() => Issue(["Supervisor"], new Dictionary<string, object> { ["name"] = "Li Supervisor" });

    /// <summary>The App Service header for a principal with these claims (what a forger would send).</summary>
    public static string ClientPrincipal(params (string Type, string Value)[] claims) =>
        Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(new
        {
            auth_typ = "aad",
            name_typ = "name",
            role_typ = "roles",
            claims = claims.Select(c => new { typ = c.Type, val = c.Value }),
        })));
}
