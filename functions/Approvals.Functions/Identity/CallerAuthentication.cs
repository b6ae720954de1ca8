using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Approvals.Functions.Identity;

/// <summary>
/// Who is calling, for either host: every HTTP function asks it through <see cref="Http.HttpCall"/>, with the
/// ASP.NET Core integration's <c>HttpRequest</c> under the Functions host and the local host alike.
/// </summary>
public interface ICallerAuthentication
{
    /// <summary>Reads the caller from the request's <c>Authorization</c> and <c>X-MS-CLIENT-PRINCIPAL</c> headers.</summary>
    Task<CallerAuthenticationResult> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken);

    /// <summary>The same, from the two header values.</summary>
    Task<CallerAuthenticationResult> AuthenticateAsync(CallerCredentials credentials, CancellationToken cancellationToken);
}

/// <summary>
/// The one place identity is decided, in this order:
/// <list type="number">
/// <item><c>Authorization: Bearer dev:...</c>: a dev token, accepted only in Development (refused elsewhere).</item>
/// <item><c>Authorization: Bearer &lt;JWT&gt;</c>: an Entra token, validated here (signature against the authority's
/// OpenID signing keys or the configured keys, issuer, audience, lifetime); its <c>roles</c> become the app roles.
/// Any other <c>Authorization</c> is refused. A header that came with a valid token changes nothing.</item>
/// <item>No <c>Authorization</c> but <c>X-MS-CLIENT-PRINCIPAL</c>: trusted only where App Service authentication is
/// verifiably on (<c>WEBSITE_AUTH_ENABLED=True</c>), refused anywhere else.</item>
/// <item>Nothing: anonymous.</item>
/// </list>
/// Token lifetimes are checked on the real clock, never on the app's virtual clock (Development).
/// Refused means 401 (see <see cref="CallerChallenge"/>); nothing unverified ever becomes a principal.
/// </summary>
public sealed class CallerAuthentication : ICallerAuthentication
{
    /// <summary>The named <c>HttpClient</c> that reads the authority's OpenID configuration.</summary>
    public const string MetadataHttpClient = "Approvals.Identity.Metadata";

    public const string BearerAuthenticationType = "Bearer";

    private static readonly string[] AsymmetricAlgorithms =
    [
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
    ];

    private readonly CallerAuthenticationOptions options;
    private readonly bool development;
    private readonly ILogger logger;
    private readonly IReadOnlyList<SecurityKey> configuredKeys;
    private readonly IConfigurationManager<OpenIdConnectConfiguration>? metadata;
    private readonly JsonWebTokenHandler tokens = new() { MapInboundClaims = false };

    /// <param name="options">The <c>Auth</c> section.</param>
    /// <param name="environment">Dev tokens exist only in Development.</param>
    /// <param name="logger">Why a credential was refused, in more detail than the caller is told.</param>
    /// <param name="metadata">Where the authority's OpenID configuration comes from; by default fetched over HTTP.</param>
    /// <param name="httpClients">For the default <paramref name="metadata"/>.</param>
    public CallerAuthentication(
        IOptions<CallerAuthenticationOptions> options,
        IHostEnvironment environment,
        ILogger<CallerAuthentication> logger,
        IConfigurationManager<OpenIdConnectConfiguration>? metadata = null,
        IHttpClientFactory? httpClients = null)
    {
        this.options = options.Value;
        development = environment.IsDevelopment();
        this.logger = logger;
        configuredKeys = [.. this.options.SigningKeys.Select(pem => SigningKeyPem.TryRead(pem, out var key) ? key! : throw new OptionsValidationException(
            CallerAuthenticationOptions.Section, typeof(CallerAuthenticationOptions), ["Auth:SigningKeys holds a value that is not a PEM public key."]))];
        if (configuredKeys.Count == 0 && this.options.ResolvedMetadataAddress is { } address)
        {
            this.metadata = metadata ?? new ConfigurationManager<OpenIdConnectConfiguration>(
                address,
                new OpenIdConnectConfigurationRetriever(),
                new HttpDocumentRetriever(httpClients?.CreateClient(MetadataHttpClient) ?? new HttpClient()) { RequireHttps = this.options.RequireHttpsMetadata });
        }
    }

    public Task<CallerAuthenticationResult> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken) =>
        AuthenticateAsync(CallerCredentials.From(request), cancellationToken);

    public async Task<CallerAuthenticationResult> AuthenticateAsync(CallerCredentials credentials, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(credentials.Authorization))
        {
            var authorization = credentials.Authorization.Trim();
            if (!authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                return Refuse("Only bearer tokens are accepted (Authorization: Bearer <token>).", "a non-bearer Authorization header");
            }
            var token = authorization["Bearer ".Length..].Trim();
            if (token.Length == 0) return Refuse("The bearer token is empty.", "an empty bearer token");
            if (token.StartsWith(DevToken.Prefix, StringComparison.Ordinal))
            {
                return development
                    ? DevToken.Read(token)
                    : Refuse("Dev tokens are accepted only in the Development environment.", "a dev token outside Development");
            }
            return await ValidateBearerAsync(token, cancellationToken);
        }
        if (!string.IsNullOrWhiteSpace(credentials.ClientPrincipal))
        {
            return options.PlatformAuthenticationEnabled
                ? AppServicePrincipal.Read(credentials.ClientPrincipal.Trim(), options)
                : Refuse(
                    $"The {CallerCredentials.ClientPrincipalHeader} header counts only behind App Service authentication; send Authorization: Bearer <token>.",
                    $"an {CallerCredentials.ClientPrincipalHeader} header without platform authentication");
        }
        return CallerAuthenticationResult.Anonymous;
    }

    private async Task<CallerAuthenticationResult> ValidateBearerAsync(string token, CancellationToken cancellationToken)
    {
        if (!options.AllAudiences.Any() || (configuredKeys.Count == 0 && metadata is null))
        {
            return Refuse("Bearer tokens are not configured here (Auth:Authority, Auth:Audience).", "a bearer token with no Auth section");
        }
        for (var attempt = 0; ; attempt++)
        {
            TokenValidationParameters parameters;
            try
            {
                parameters = await ParametersAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning("The OpenID configuration of {Authority} could not be read: {Problem}", options.ResolvedMetadataAddress, ex.GetBaseException().Message);
                return CallerAuthenticationResult.Refuse("The token's signing keys could not be loaded; try again later.");
            }
            var result = await tokens.ValidateTokenAsync(token, parameters);
            if (result.IsValid)
            {
                return CallerAuthenticationResult.Success(CallerClaims.Principal(
                    result.ClaimsIdentity.Claims.Select(c => (c.Type, c.Value)),
                    BearerAuthenticationType,
                    type => type == options.RoleClaim,
                    options.UsccClaim,
                    options.DepartmentClaim));
            }
            // Keys roll over: an unknown key id refreshes the authority's keys once (the manager rate-limits refreshes).
            if (attempt == 0 && metadata is not null && result.Exception is SecurityTokenSignatureKeyNotFoundException)
            {
                metadata.RequestRefresh();
                continue;
            }
            return Refuse(Describe(result.Exception), result.Exception?.GetType().Name ?? "an invalid token");
        }
    }

    private async Task<TokenValidationParameters> ParametersAsync(CancellationToken cancellationToken)
    {
        IEnumerable<SecurityKey> keys = configuredKeys;
        var issuers = options.ConfiguredIssuers.ToList();
        if (metadata is not null)
        {
            var configuration = await metadata.GetConfigurationAsync(cancellationToken);
            keys = configuration.SigningKeys;
            if (options.Issuer is null && configuration.Issuer is { Length: > 0 } issuer) issuers.Add(issuer);
        }
        if (options.Issuer is null && issuers.Count == 0 && options.Authority is not null) issuers.Add(options.Authority);
        return new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidIssuers = issuers,
            ValidateAudience = true,
            ValidAudiences = [.. options.AllAudiences],
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            IssuerSigningKeys = keys,
            TryAllIssuerSigningKeys = true,
            ValidAlgorithms = AsymmetricAlgorithms,
            ClockSkew = options.ClockSkew,
            RoleClaimType = options.RoleClaim,
            AuthenticationType = BearerAuthenticationType,
        };
    }

    private static string Describe(Exception? problem) => problem switch
    {
        SecurityTokenExpiredException => "The token has expired.",
        SecurityTokenNotYetValidException => "The token is not valid yet.",
        SecurityTokenNoExpirationException => "The token has no expiry.",
        SecurityTokenInvalidIssuerException => "The token was not issued by the configured issuer.",
        SecurityTokenInvalidAudienceException => "The token is not for this API (audience).",
        SecurityTokenInvalidAlgorithmException => "The token is not signed with an accepted algorithm.",
        SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException => "The token's signature could not be verified.",
        SecurityTokenMalformedException => "The bearer token is not a well-formed JWT.",
        _ => "The bearer token is not valid.",
    };

    private CallerAuthenticationResult Refuse(string failure, string what)
    {
        logger.LogInformation("Refused {What}: {Failure}", what, failure);
        return CallerAuthenticationResult.Refuse(failure);
    }
}
