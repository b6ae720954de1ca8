using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Approvals.Functions.Portal;
using Approvals.Functions.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Approvals.Functions.Tests.Portal;

/// <summary>The portal's pages come from wwwroot/portal beside the binaries, typed, and nothing outside that folder.</summary>
public sealed class PortalFilesTests : IDisposable
{
    private readonly AppFactory app = new();

    public void Dispose() => app.Dispose();

    [Theory]
    [InlineData("/api/portal", "text/html")]
    [InlineData("/api/portal/", "text/html")]
    [InlineData("/api/portal/apply.html", "text/html")]
    [InlineData("/api/portal/js/api.js", "text/javascript")]
    [InlineData("/api/portal/css/portal.css", "text/css")]
    public async Task Pages_scripts_and_styles_are_served_with_their_content_type(string path, string mediaType)
    {
        var response = await app.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/api/portal/nothing.html")]
    [InlineData("/api/portal/%2e%2e/appsettings.json")]
    [InlineData("/api/portal/..%2fappsettings.json")]
    [InlineData("/api/portal/js/../../appsettings.json")]
    [InlineData("/api/portal/index.html.gz")]
    public async Task Unknown_or_escaping_paths_answer_404_problem_json(string path)
    {
        var response = await app.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("../appsettings.json")]
    [InlineData("js/../../Approvals.Functions.dll")]
    [InlineData("/etc/passwd")]
    [InlineData("..\\appsettings.json")]
    [InlineData(".hidden.js")]
    [InlineData("js/")]
    public void Traversal_and_odd_paths_resolve_to_nothing(string path) => Assert.Null(new PortalFiles().Resolve(path));

    [Fact]
    public void The_folder_is_found_from_the_binaries_not_the_working_directory()
    {
        var files = new PortalFiles();
        Assert.StartsWith(AppContext.BaseDirectory, files.Root, StringComparison.Ordinal);
        Assert.NotNull(files.Resolve("index.html"));
    }

    [Fact]
    public async Task Development_signs_in_with_the_role_picker()
    {
        var settings = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/portal/sign-in.json");
        Assert.Equal("dev", settings.GetProperty("mode").GetString());
    }

    [Fact]
    public void Outside_development_the_pages_sign_in_with_entra_and_hold_only_public_identifiers()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Portal:SignIn:ClientId"] = "11111111-2222-3333-4444-555555555555",
            ["Auth:Authority"] = "https://login.microsoftonline.com/contoso/v2.0",
            ["Auth:Audience"] = "api-app-id",
            ["Portal:SignIn:ClientSecret"] = "must-never-appear",
        }).Build();
        var json = JsonSerializer.Serialize(new PortalSignIn(configuration, new Production()).Settings());
        Assert.Contains("\"mode\":\"entra\"", json, StringComparison.Ordinal);
        Assert.Contains("api://api-app-id/.default", json, StringComparison.Ordinal);
        Assert.Contains("login.microsoftonline.com/contoso", json, StringComparison.Ordinal);
        Assert.DoesNotContain("must-never-appear", json, StringComparison.Ordinal);
    }

    private sealed class Production : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Production;
        public string ApplicationName { get; set; } = "Approvals.Functions";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
