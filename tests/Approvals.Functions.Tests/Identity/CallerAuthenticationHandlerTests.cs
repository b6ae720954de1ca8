using System.Net;
using System.Net.Http.Headers;
using Approvals.Functions.Tests.Infrastructure;

namespace Approvals.Functions.Tests.Identity;

/// <summary>The whole app in Production, as a caller on the internet meets it: with and without App Service authentication in front.</summary>
public sealed class CallerAuthenticationHandlerTests : IClassFixture<CallerAuthenticationHandlerTests.Apps>
{
    private readonly Apps apps;

    public CallerAuthenticationHandlerTests(Apps apps) => this.apps = apps;

    public sealed class Apps : IDisposable
    {
        /// <summary>Production, validating tokens signed by the test key; App Service authentication not in front.</summary>
        public AppFactory Production { get; } = new("Production", TestTokens.Settings());

        /// <summary>The same behind App Service authentication (<c>WEBSITE_AUTH_ENABLED=True</c>, as the platform sets it).</summary>
        public AppFactory BehindPlatform { get; } = new("Production", TestTokens.Settings(("WEBSITE_AUTH_ENABLED", "True")));

        public void Dispose()
        {
            Production.Dispose();
            BehindPlatform.Dispose();
        }
    }

    private static async Task<HttpResponseMessage> GetAsync(AppFactory app, string path, string? token = null, string? clientPrincipal = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (clientPrincipal is not null) request.Headers.Add("X-MS-CLIENT-PRINCIPAL", clientPrincipal);
        return await app.CreateClient().SendAsync(request);
    }

    private static async Task AssertUnauthorizedProblemAsync(HttpResponseMessage response, string? detail = null)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"status\":401", body, StringComparison.Ordinal);
        if (detail is not null) Assert.Contains(detail, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_client_principal_gets_401_in_Production_without_platform_authentication()
    {
        var forged = TestTokens.ClientPrincipal(("roles", "Supervisor"), ("name", "mallory"));

        var response = await GetAsync(apps.Production, "/api/supervision/lights", clientPrincipal: forged);

        await AssertUnauthorizedProblemAsync(response, "X-MS-CLIENT-PRINCIPAL");
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.Single().Parameter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_client_principal_counts_behind_App_Service_authentication()
    {
        var principal = TestTokens.ClientPrincipal(("roles", "Supervisor"), ("name", "li"));

        var response = await GetAsync(apps.BehindPlatform, "/api/supervision/lights", clientPrincipal: principal);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_token_signed_by_the_test_key_for_the_configured_issuer_and_audience_is_accepted_with_its_roles()
    {
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(apps.Production, "/api/supervision/lights", TestTokens.Supervisor())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(apps.Production, "/api/applications", TestTokens.Applicant(PortalDriver.Uscc))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(apps.Production, "/api/departments/HUD/tasks", TestTokens.Department("HUD"))).StatusCode);
        // Roles still decide: an applicant is not a supervisor, a department only sees its own inbox.
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(apps.Production, "/api/supervision/lights", TestTokens.Applicant(PortalDriver.Uscc))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(apps.Production, "/api/departments/HUD/tasks", TestTokens.Department("NRP"))).StatusCode);
    }

    public static TheoryData<string> Refused => ["wrong issuer", "wrong audience", "expired", "bad signature", "dev token"];

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Tokens_that_do_not_verify_get_401_problem(string kind)
    {
        var token = kind switch
        {
            "wrong issuer" => TestTokens.Issue(["Supervisor"], issuer: "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000001/v2.0"),
            "wrong audience" => TestTokens.Issue(["Supervisor"], audience: "api://someone-else"),
            "expired" => TestTokens.Issue(["Supervisor"], expires: DateTime.UtcNow.AddHours(-1)),
            "bad signature" => TestTokens.Issue(["Supervisor"], key: TestTokens.OtherKey),
            _ => "dev:supervisor:li",
        };

        await AssertUnauthorizedProblemAsync(await GetAsync(apps.Production, "/api/supervision/lights", token));
        await AssertUnauthorizedProblemAsync(await GetAsync(apps.BehindPlatform, "/api/supervision/lights", token));
    }

    [Fact]
    public async Task A_forged_header_does_not_rescue_a_bad_token_even_behind_the_platform()
    {
        var forged = TestTokens.ClientPrincipal(("roles", "Supervisor"));

        var response = await GetAsync(apps.BehindPlatform, "/api/supervision/lights", TestTokens.Issue(["Supervisor"], key: TestTokens.OtherKey), forged);

        await AssertUnauthorizedProblemAsync(response);
    }

    [Fact]
    public async Task Anonymous_callers_get_401_problem_on_protected_routes_and_the_public_ones_stay_public()
    {
        await AssertUnauthorizedProblemAsync(await GetAsync(apps.Production, "/api/applications"));
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(apps.Production, "/api/catalog/items")).StatusCode);
    }
}
