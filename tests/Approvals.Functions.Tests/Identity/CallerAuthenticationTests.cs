using System.Security.Claims;
using System.Text;
using Approvals.Functions.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Approvals.Functions.Tests.Identity;

/// <summary>The service on its own, as a Function would call it: which credentials make a caller, and why others are refused.</summary>
public sealed class CallerAuthenticationTests
{
    internal static CallerAuthentication Service(
        string environment = "Production", bool platformAuthentication = false, Action<CallerAuthenticationOptions>? configure = null, IHttpClientFactory? httpClients = null)
    {
        var options = new CallerAuthenticationOptions { Issuer = TestTokens.Issuer, Audience = TestTokens.Audience, SigningKeys = [TestTokens.PublicPem(TestTokens.Key)] };
        configure?.Invoke(options);
        options.PlatformAuthenticationEnabled = platformAuthentication;
        return new CallerAuthentication(Options.Create(options), new Environment(environment), NullLogger<CallerAuthentication>.Instance, httpClients: httpClients);
    }

    internal sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "Approvals.Functions";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    private static HttpRequest Request(string? authorization = null, string? clientPrincipal = null)
    {
        var context = new DefaultHttpContext();
        if (authorization is not null) context.Request.Headers.Authorization = authorization;
        if (clientPrincipal is not null) context.Request.Headers[CallerCredentials.ClientPrincipalHeader] = clientPrincipal;
        return context.Request;
    }

    private static Task<CallerAuthenticationResult> Authenticate(CallerAuthentication service, string? authorization = null, string? clientPrincipal = null) =>
        service.AuthenticateAsync(Request(authorization, clientPrincipal), CancellationToken.None);

    [Fact]
    public async Task A_token_signed_by_the_configured_key_for_the_configured_issuer_and_audience_is_accepted_with_its_roles()
    {
        var token = TestTokens.Issue(["Applicant", "Supervisor"], new Dictionary<string, object> { ["uscc"] = "91350100m000100y43", ["name"] = "Zhang" });

        var result = await Authenticate(Service(), "Bearer " + token);

        Assert.True(result.Succeeded, result.Failure);
        Assert.True(result.Principal.Identity?.IsAuthenticated);
        Assert.True(result.Principal.IsInRole(Roles.Applicant));
        Assert.True(result.Principal.IsInRole(Roles.Supervisor));
        Assert.False(result.Principal.IsInRole(Roles.Department));
        Assert.Equal("91350100M000100Y43", result.Principal.Uscc());
        Assert.True(result.Principal.IsApplicant("91350100M000100Y43"));
        Assert.Equal("Zhang", result.Principal.Identity?.Name);
    }

    [Fact]
    public async Task A_department_token_carries_its_department()
    {
        var result = await Authenticate(Service(), "Bearer " + TestTokens.Department("hud"));

        Assert.True(result.Succeeded, result.Failure);
        Assert.True(result.Principal.IsDepartment("HUD"));
        Assert.False(result.Principal.IsDepartment("NRP"));
    }

    [Fact]
    public async Task Claim_names_can_be_mapped_from_what_Entra_emits()
    {
        var service = Service(configure: o => o.UsccClaim = "extn.uscc");
        var token = TestTokens.Issue(["Applicant"], new Dictionary<string, object> { ["extn.uscc"] = "91350100M000100Y43", ["uscc"] = "91110000600037341L" });

        var result = await Authenticate(service, "Bearer " + token);

        Assert.True(result.Succeeded, result.Failure);
        Assert.Equal("91350100M000100Y43", result.Principal.Uscc());
    }

    [Fact]
    public async Task A_token_cannot_grant_roles_through_claims_other_than_roles()
    {
        var token = TestTokens.Issue([], new Dictionary<string, object> { [ClaimTypes.Role] = "Supervisor", ["role"] = "Supervisor", ["groups"] = new[] { "Supervisor" } });

        var result = await Authenticate(Service(), "Bearer " + token);

        Assert.True(result.Succeeded, result.Failure);
        Assert.False(result.Principal.IsInRole(Roles.Supervisor));
    }

    public static TheoryData<string, string> BadTokens => new()
    {
        { "wrong issuer", "not issued by the configured issuer" },
        { "wrong audience", "not for this API" },
        { "expired", "expired" },
        { "bad signature", "signature" },
        { "tampered payload", "signature" },
        { "unsigned", "" },
        { "symmetric with the public key as secret", "" },
        { "not a jwt", "" },
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Tokens_that_do_not_verify_are_refused_with_a_reason(string kind, string reason)
    {
        var token = kind switch
        {
            "wrong issuer" => TestTokens.Issue(["Supervisor"], issuer: "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000001/v2.0"),
            "wrong audience" => TestTokens.Issue(["Supervisor"], audience: "api://someone-else"),
            "expired" => TestTokens.Issue(["Supervisor"], expires: DateTime.UtcNow.AddMinutes(-30)),
            "bad signature" => TestTokens.Issue(["Supervisor"], key: TestTokens.OtherKey),
            "tampered payload" => Tamper(TestTokens.Issue(["Applicant"])),
            "unsigned" => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Issuer = TestTokens.Issuer, Audience = TestTokens.Audience, Expires = DateTime.UtcNow.AddHours(1),
                Claims = new Dictionary<string, object> { ["roles"] = new[] { "Supervisor" } },
            }),
            "symmetric with the public key as secret" => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Issuer = TestTokens.Issuer, Audience = TestTokens.Audience, Expires = DateTime.UtcNow.AddHours(1),
                Claims = new Dictionary<string, object> { ["roles"] = new[] { "Supervisor" } },
                SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(TestTokens.PublicPem(TestTokens.Key))), SecurityAlgorithms.HmacSha256),
            }),
            _ => "eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2ln",
        };

        var result = await Authenticate(Service(), "Bearer " + token);

        Assert.True(result.Refused, kind);
        Assert.Null(result.Principal);
        Assert.Contains(reason, result.Failure, StringComparison.OrdinalIgnoreCase);
    }

    private static string Tamper(string token)
    {
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Replace("\"Applicant\"", "\"Supervisor\"", StringComparison.Ordinal);
        return $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";
    }

    [Fact]
    public async Task A_dev_token_is_refused_outside_Development()
    {
        var result = await Authenticate(Service("Production"), "Bearer dev:supervisor:li");

        Assert.True(result.Refused);
        Assert.Contains("Development", result.Failure);
    }

    [Fact]
    public async Task A_dev_token_names_the_principal_in_Development()
    {
        var result = await Authenticate(Service("Development"), "Bearer dev:applicant:91350100m000100y43");

        Assert.True(result.Succeeded, result.Failure);
        Assert.True(result.Principal.IsApplicant("91350100M000100Y43"));
        Assert.True((await Authenticate(Service("Development"), "Bearer dev:janitor:x")).Refused);
    }

    [Fact]
    public async Task A_forged_client_principal_is_refused_without_platform_authentication()
    {
        var forged = TestTokens.ClientPrincipal(("roles", "Supervisor"), ("name", "mallory"));

        var result = await Authenticate(Service(platformAuthentication: false), clientPrincipal: forged);

        Assert.True(result.Refused);
        Assert.Null(result.Principal);
        Assert.Contains(CallerCredentials.ClientPrincipalHeader, result.Failure);
    }

    [Fact]
    public async Task The_client_principal_is_read_behind_App_Service_authentication()
    {
        var header = TestTokens.ClientPrincipal(("roles", "Department"), ("dept", "hud"), ("name", "Wang"));

        var result = await Authenticate(Service(platformAuthentication: true), clientPrincipal: header);

        Assert.True(result.Succeeded, result.Failure);
        Assert.True(result.Principal.IsDepartment("HUD"));
        Assert.Equal("Wang", result.Principal.Identity?.Name);
        Assert.True((await Authenticate(Service(platformAuthentication: true), clientPrincipal: "not base64!")).Refused);
    }

    [Fact]
    public async Task The_client_principal_names_its_own_name_and_role_claim_types()
    {
        var header = Convert.ToBase64String(Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(new
        {
            auth_typ = "aad",
            name_typ = ClaimTypes.Name,
            role_typ = ClaimTypes.Role,
            claims = new[] { new { typ = ClaimTypes.Name, val = "Zhao" }, new { typ = ClaimTypes.Role, val = "Supervisor" } },
        })));

        var result = await Authenticate(Service(platformAuthentication: true), clientPrincipal: header);

        Assert.True(result.Succeeded, result.Failure);
        Assert.True(result.Principal.IsSupervisor());
        Assert.Equal("Zhao", result.Principal.Identity?.Name);
    }

    [Fact]
    public async Task With_a_valid_token_the_header_changes_nothing_and_with_an_invalid_one_it_does_not_rescue_it()
    {
        var forged = TestTokens.ClientPrincipal(("roles", "Supervisor"));
        var service = Service(platformAuthentication: true);

        var withToken = await Authenticate(service, "Bearer " + TestTokens.Applicant("91350100M000100Y43"), forged);
        var withBadToken = await Authenticate(service, "Bearer " + TestTokens.Issue(["Applicant"], key: TestTokens.OtherKey), forged);

        Assert.True(withToken.Succeeded);
        Assert.False(withToken.Principal.IsSupervisor());
        Assert.True(withBadToken.Refused);
    }

    [Fact]
    public async Task No_credentials_is_anonymous_and_other_schemes_are_refused()
    {
        var anonymous = await Authenticate(Service());
        var basic = await Authenticate(Service(), "Basic " + Convert.ToBase64String("a:b"u8.ToArray()));

        Assert.False(anonymous.Succeeded);
        Assert.False(anonymous.Refused);
        Assert.True(basic.Refused);
    }

    [Fact]
    public async Task Without_an_Auth_section_bearer_tokens_are_refused()
    {
        var service = Service("Development", configure: o =>
        {
            o.Issuer = null;
            o.Audience = null;
            o.SigningKeys = [];
        });

        var result = await Authenticate(service, "Bearer " + TestTokens.Supervisor());

        Assert.True(result.Refused);
        Assert.Contains("not configured", result.Failure);
    }

    [Fact]
    public async Task The_same_answer_from_the_header_values_alone()
    {
        var result = await Service().AuthenticateAsync(new CallerCredentials("Bearer " + TestTokens.Supervisor(), null), CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure);
        Assert.True(result.Principal.IsSupervisor());
    }
}
