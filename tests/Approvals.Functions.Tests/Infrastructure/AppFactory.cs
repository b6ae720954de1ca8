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
    private readonly IReadOnlyDictionary<string, string> settings;

    public AppFactory(string environment = "Development", IReadOnlyDictionary<string, string>? settings = null)
    {
        this.environment = environment;
        this.settings = settings ?? new Dictionary<string, string>();
        Driver = new PortalDriver(ClientAs);
    }

    public PortalDriver Driver { get; }

    public string DataFolder => folder;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("Storage:Path", folder);
        builder.UseSetting("Clock:Start", Start.ToString("O"));
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
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
