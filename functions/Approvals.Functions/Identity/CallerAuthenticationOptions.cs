using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Approvals.Functions.Identity;

/// <summary>
/// How callers are authenticated (configuration section <c>Auth</c>). In Azure: <see cref="Authority"/> (the Entra
/// tenant's v2.0 endpoint, whose OpenID configuration gives the issuer and the signing keys) and <see cref="Audience"/>
/// (the API's application id). Without an authority, <see cref="Issuer"/> and <see cref="SigningKeys"/> name them directly
/// (tests sign with a test RSA key that way). Outside Development the section is validated when the app starts.
/// </summary>
public sealed class CallerAuthenticationOptions
{
    public const string Section = "Auth";

    /// <summary>The App Service setting that says its authentication runs in front of the app.</summary>
    public const string PlatformAuthenticationSetting = "WEBSITE_AUTH_ENABLED";

    /// <summary>Token issuer's base address, e.g. <c>https://login.microsoftonline.com/&lt;tenant&gt;/v2.0</c>.</summary>
    public string? Authority { get; set; }

    /// <summary>Where the OpenID configuration is read; default <c>{Authority}/.well-known/openid-configuration</c>.</summary>
    public string? MetadataAddress { get; set; }

    /// <summary>The one audience tokens must carry (the API's application (client) id for v2 tokens).</summary>
    public string? Audience { get; set; }

    /// <summary>More accepted audiences, e.g. <c>api://&lt;client id&gt;</c>.</summary>
    public List<string> Audiences { get; set; } = [];

    /// <summary>The issuer tokens must name; default: the issuer of the authority's OpenID configuration, else the authority.</summary>
    public string? Issuer { get; set; }

    /// <summary>More accepted issuers (e.g. the v1 issuer <c>https://sts.windows.net/&lt;tenant&gt;/</c>).</summary>
    public List<string> Issuers { get; set; } = [];

    /// <summary>
    /// Public keys in PEM (<c>-----BEGIN PUBLIC KEY-----</c>, RSA or EC) that sign the tokens. When set, no OpenID
    /// configuration is fetched and <see cref="Issuer"/> (or <see cref="Authority"/>) names the issuer.
    /// </summary>
    public List<string> SigningKeys { get; set; } = [];

    /// <summary>The OpenID configuration is fetched only over https unless this is false (never in Azure).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Allowed clock difference when checking <c>nbf</c> / <c>exp</c>.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The token claim that carries the app roles.</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>The token claim that carries an applicant's USCC (becomes <see cref="Roles.UsccClaim"/>).</summary>
    public string UsccClaim { get; set; } = Roles.UsccClaim;

    /// <summary>The token claim that carries a department's code (becomes <see cref="Roles.DepartmentClaim"/>).</summary>
    public string DepartmentClaim { get; set; } = Roles.DepartmentClaim;

    /// <summary>
    /// True only where App Service authentication is verifiably in front: the platform's own
    /// <c>WEBSITE_AUTH_ENABLED=True</c>, never the <c>Auth</c> section (not bindable from it).
    /// </summary>
    public bool PlatformAuthenticationEnabled { get; internal set; }

    /// <summary>Whether bearer tokens can be validated at all.</summary>
    public bool BearerConfigured => Audience is not null || Audiences.Count > 0 || Authority is not null || Issuer is not null || SigningKeys.Count > 0;

    internal IEnumerable<string> AllAudiences => new[] { Audience }.Concat(Audiences).Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a!);

    internal IEnumerable<string> ConfiguredIssuers => new[] { Issuer }.Concat(Issuers).Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i!);

    internal string? ResolvedMetadataAddress =>
        MetadataAddress ?? (Authority is null ? null : Authority.TrimEnd('/') + "/.well-known/openid-configuration");
}

/// <summary>
/// Refuses a start with an unusable <c>Auth</c> section. Outside Development bearer validation is mandatory: an audience,
/// and an authority or an issuer with signing keys. In Development the section is optional, but a partial one is an error.
/// </summary>
public sealed class CallerAuthenticationOptionsValidator(IHostEnvironment environment) : IValidateOptions<CallerAuthenticationOptions>
{
    public ValidateOptionsResult Validate(string? name, CallerAuthenticationOptions options)
    {
        var problems = new List<string>();
        if (!environment.IsDevelopment() || options.BearerConfigured)
        {
            if (!options.AllAudiences.Any()) problems.Add("Auth:Audience is required: the API's application (client) id that tokens must carry.");
            if (options.Authority is null && (!options.ConfiguredIssuers.Any() || options.SigningKeys.Count == 0))
            {
                problems.Add("Auth:Authority is required (e.g. https://login.microsoftonline.com/<tenant>/v2.0), or Auth:Issuer with Auth:SigningKeys.");
            }
        }
        foreach (var (key, value) in new[] { ("Auth:Authority", options.Authority), ("Auth:MetadataAddress", options.MetadataAddress) })
        {
            if (value is null) continue;
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri)) problems.Add($"{key} '{value}' is not an absolute URL.");
            else if (options.RequireHttpsMetadata && options.SigningKeys.Count == 0 && uri.Scheme != Uri.UriSchemeHttps) problems.Add($"{key} '{value}' must use https.");
        }
        for (var i = 0; i < options.SigningKeys.Count; i++)
        {
            if (!SigningKeyPem.TryRead(options.SigningKeys[i], out _)) problems.Add($"Auth:SigningKeys:{i} is not a PEM public key (RSA or EC).");
        }
        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > TimeSpan.FromMinutes(10)) problems.Add("Auth:ClockSkew must be between 0 and 10 minutes.");
        if (string.IsNullOrWhiteSpace(options.RoleClaim)) problems.Add("Auth:RoleClaim must name a claim.");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}

/// <summary>Reads a configured PEM public key into a signing key.</summary>
internal static class SigningKeyPem
{
    public static bool TryRead(string pem, out Microsoft.IdentityModel.Tokens.SecurityKey? key)
    {
        key = null;
        try
        {
            var rsa = RSA.Create();
            try
            {
                rsa.ImportFromPem(pem);
                key = new Microsoft.IdentityModel.Tokens.RsaSecurityKey(rsa) { KeyId = KeyId(rsa.ExportSubjectPublicKeyInfo()) };
                return true;
            }
            catch (Exception ex) when (ex is ArgumentException or CryptographicException)
            {
                rsa.Dispose();
            }
            var ec = ECDsa.Create();
            try
            {
                ec.ImportFromPem(pem);
                key = new Microsoft.IdentityModel.Tokens.ECDsaSecurityKey(ec) { KeyId = KeyId(ec.ExportSubjectPublicKeyInfo()) };
                return true;
            }
            catch (Exception ex) when (ex is ArgumentException or CryptographicException)
            {
                ec.Dispose();
            }
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
        }
        return false;
    }

    private static string KeyId(byte[] publicKey) => Convert.ToHexStringLower(SHA256.HashData(publicKey))[..16];
}
