using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Approvals.Functions.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Approvals.Portal.Tests.Infrastructure;

/// <summary>
/// The whole app (the same <see cref="AppHost"/> as <c>dotnet run</c>) on a real loopback port, in Development with
/// a fresh embedded store and the virtual clock at Monday 2026-09-28 09:00 Shanghai.
/// </summary>
public sealed class PortalHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 9, 28, 9, 0, 0, TimeSpan.FromHours(8));

    private readonly string data = Directory.CreateTempSubdirectory("approvals-portal-").FullName;
    private WebApplication? app;

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public static async Task<PortalHost> StartAsync()
    {
        var host = new PortalHost();
        var port = FreePort();
        host.BaseAddress = new Uri($"http://127.0.0.1:{port}");
        host.app = AppHost.Build(["--urls", host.BaseAddress.ToString().TrimEnd('/'), "--environment", "Development"], builder =>
        {
            builder.Configuration["Storage:Path"] = host.data;
            builder.Configuration["Clock:Start"] = Start.ToString("O");
            builder.Configuration["Portal:PublicBaseUrl"] = host.BaseAddress.ToString().TrimEnd('/');
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        });
        await host.app.StartAsync();
        host.Http = new HttpClient { BaseAddress = host.BaseAddress };
        return host;
    }

    /// <summary>Moves the virtual clock forward (api.md, Development only); due timers fire on the way.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        var response = await Http.PostAsJsonAsync("/api/dev/clock/advance", new { hours = Math.Ceiling(by.TotalHours) });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public async Task<DateTimeOffset> NowAsync() =>
        (await Http.GetFromJsonAsync<JsonElement>("/api/dev/clock")).GetProperty("now").GetDateTimeOffset();

    /// <summary>An application as its owner reads it, for the test's own clock arithmetic (never for assertions).</summary>
    public async Task<JsonElement> ApplicationAsync(string id, string uscc)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/applications/{id}");
        request.Headers.Authorization = new("Bearer", $"dev:applicant:{uscc}");
        var response = await Http.SendAsync(request);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(data, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
