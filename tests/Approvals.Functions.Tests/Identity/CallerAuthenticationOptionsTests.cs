using Approvals.Functions.Identity;
using Approvals.Functions.Tests.Infrastructure;

namespace Approvals.Functions.Tests.Identity;

/// <summary>The <c>Auth</c> section is checked when the app starts: outside Development bearer validation is mandatory.</summary>
public sealed class CallerAuthenticationOptionsTests
{
    private static IReadOnlyList<string> Problems(string environment, CallerAuthenticationOptions options)
    {
        var result = new CallerAuthenticationOptionsValidator(new CallerAuthenticationTests.Environment(environment)).Validate(null, options);
        return result.Failed ? [.. result.Failures] : [];
    }

    [Fact]
    public void Production_needs_an_audience_and_an_authority_or_an_issuer_with_keys()
    {
        var problems = Problems("Production", new CallerAuthenticationOptions());

        Assert.Contains(problems, p => p.Contains("Auth:Audience", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Auth:Authority", StringComparison.Ordinal));
        Assert.Empty(Problems("Production", new CallerAuthenticationOptions { Authority = TestTokens.Issuer, Audience = TestTokens.Audience }));
        Assert.Empty(Problems("Production", new CallerAuthenticationOptions { Issuer = TestTokens.Issuer, Audience = TestTokens.Audience, SigningKeys = [TestTokens.PublicPem(TestTokens.Key)] }));
        Assert.NotEmpty(Problems("Production", new CallerAuthenticationOptions { Issuer = TestTokens.Issuer, Audience = TestTokens.Audience }));
    }

    [Fact]
    public void Development_runs_without_the_section_but_not_with_half_of_it()
    {
        Assert.Empty(Problems("Development", new CallerAuthenticationOptions()));
        Assert.NotEmpty(Problems("Development", new CallerAuthenticationOptions { Authority = TestTokens.Issuer }));
    }

    [Fact]
    public void The_authority_is_https_and_keys_are_PEM_public_keys()
    {
        Assert.Contains(Problems("Production", new CallerAuthenticationOptions { Authority = "http://login.example/v2.0", Audience = "a" }), p => p.Contains("https", StringComparison.Ordinal));
        Assert.Contains(Problems("Production", new CallerAuthenticationOptions { Issuer = "i", Audience = "a", SigningKeys = ["not a key"] }), p => p.Contains("PEM", StringComparison.Ordinal));
    }

    [Fact]
    public void A_Production_app_without_the_section_does_not_start()
    {
        using var app = new AppFactory("Production");

        var problem = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Auth:Audience", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_platform_setting_is_read_from_the_environment_not_from_the_Auth_section()
    {
        using var platform = new AppFactory("Production", TestTokens.Settings(("WEBSITE_AUTH_ENABLED", "True")));
        using var claimed = new AppFactory("Production", TestTokens.Settings(("Auth:PlatformAuthenticationEnabled", "true")));

        Assert.True(Options(platform).PlatformAuthenticationEnabled);
        Assert.False(Options(claimed).PlatformAuthenticationEnabled);
    }

    private static CallerAuthenticationOptions Options(AppFactory app) =>
        app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<CallerAuthenticationOptions>>().Value;
}
