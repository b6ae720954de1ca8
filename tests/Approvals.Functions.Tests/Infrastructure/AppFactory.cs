using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Approvals.Functions.Tests.Infrastructure;

/// <summary>The whole app in memory on a fresh embedded store and a virtual clock.</summary>
public sealed class AppFactory : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset Start = new(2026, 9, 28, 9, 0, 0, TimeSpan.FromHours(8));

    private readonly string folder = Directory.CreateTempSubdirectory("approvals-app-").FullName;
    private readonly string environment;

    public AppFactory(string environment = "Development") => this.environment = environment;

    public string DataFolder => folder;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("Storage:Path", folder);
        builder.UseSetting("Clock:Start", Start.ToString("O"));
    }

    public HttpClient ClientAs(string? token)
    {
        var client = CreateClient();
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
