using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Approvals.Functions.Identity;
using Microsoft.IdentityModel.Tokens;

namespace Approvals.Functions.Tests.Identity;

/// <summary>In Azure the signing keys and the issuer come from the OpenID configuration of <c>Auth:Authority</c>.</summary>
public sealed class CallerAuthenticationMetadataTests
{
    private const string Authority = TestTokens.Issuer;

    /// <summary>Plays login.microsoftonline.com: the OpenID configuration and the key set, which can roll over.</summary>
    private sealed class Authority_ : HttpMessageHandler, IHttpClientFactory
    {
        public List<(string Kid, RSA Key)> Keys { get; } = [("first", TestTokens.Key)];
        public List<string> Requests { get; } = [];

        public HttpClient CreateClient(string name) => new(this, disposeHandler: false);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            lock (Requests) Requests.Add(path);
            var body = path.EndsWith("/.well-known/openid-configuration", StringComparison.Ordinal)
                ? JsonSerializer.Serialize(new { issuer = TestTokens.Issuer, jwks_uri = "https://login.microsoftonline.com/" + TestTokens.Tenant + "/discovery/v2.0/keys" })
                : JsonSerializer.Serialize(new
                {
                    keys = Keys.Select(k =>
                    {
                        var p = k.Key.ExportParameters(false);
                        return new { kty = "RSA", use = "sig", kid = k.Kid, n = Base64UrlEncoder.Encode(p.Modulus), e = Base64UrlEncoder.Encode(p.Exponent) };
                    }),
                });
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }
    }

    private static CallerAuthentication Service(Authority_ authority) => CallerAuthenticationTests.Service(configure: o =>
    {
        o.Issuer = null;
        o.SigningKeys = [];
        o.Authority = Authority;
    }, httpClients: authority);

    [Fact]
    public async Task Keys_and_issuer_come_from_the_authoritys_OpenID_configuration()
    {
        var authority = new Authority_();
        var service = Service(authority);

        var accepted = await service.AuthenticateAsync(new CallerCredentials("Bearer " + TestTokens.Issue(["Supervisor"], keyId: "first"), null), CancellationToken.None);
        var otherKey = await service.AuthenticateAsync(new CallerCredentials("Bearer " + TestTokens.Issue(["Supervisor"], key: TestTokens.OtherKey, keyId: "first"), null), CancellationToken.None);
        var otherIssuer = await service.AuthenticateAsync(
            new CallerCredentials("Bearer " + TestTokens.Issue(["Supervisor"], issuer: "https://sts.windows.net/" + TestTokens.Tenant + "/", keyId: "first"), null), CancellationToken.None);

        Assert.True(accepted.Succeeded, accepted.Failure);
        Assert.True(accepted.Principal.IsSupervisor());
        Assert.True(otherKey.Refused);
        Assert.True(otherIssuer.Refused);
        Assert.Contains("/" + TestTokens.Tenant + "/v2.0/.well-known/openid-configuration", authority.Requests);
    }

    [Fact]
    public async Task A_token_signed_with_a_new_key_is_accepted_once_the_keys_are_refreshed()
    {
        var authority = new Authority_();
        var service = Service(authority);
        Assert.True((await service.AuthenticateAsync(new CallerCredentials("Bearer " + TestTokens.Issue(["Supervisor"], keyId: "first"), null), CancellationToken.None)).Succeeded);

        authority.Keys.Add(("second", TestTokens.OtherKey));
        var token = "Bearer " + TestTokens.Issue(["Supervisor"], key: TestTokens.OtherKey, keyId: "second");
        CallerAuthenticationResult result;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        do
        {
            // An unknown key id asks the manager for a refresh; depending on the IdentityModel version it completes in the background.
            result = await service.AuthenticateAsync(new CallerCredentials(token, null), CancellationToken.None);
            if (!result.Succeeded) await Task.Delay(50);
        }
        while (!result.Succeeded && DateTime.UtcNow < deadline);

        Assert.True(result.Succeeded, result.Failure);
    }

    [Fact]
    public async Task An_unreachable_authority_refuses_the_token_rather_than_failing_the_call()
    {
        var service = CallerAuthenticationTests.Service(configure: o =>
        {
            o.Issuer = null;
            o.SigningKeys = [];
            o.Authority = "https://127.0.0.1:1/tenant/v2.0";
        });

        var result = await service.AuthenticateAsync(new CallerCredentials("Bearer " + TestTokens.Supervisor(), null), CancellationToken.None);

        Assert.True(result.Refused);
        Assert.Contains("signing keys", result.Failure);
    }
}
