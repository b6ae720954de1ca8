using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Approvals.Functions.Tests.Infrastructure;

namespace Approvals.Functions.Tests.Hosting;

/// <summary>
/// The real executable as its own process on a free port: submit over HTTP, departments answer through the queue
/// path, the dev clock moves past a supplement deadline, and the certificate is first valid, then revoked. The
/// process is then killed (SIGKILL) and started again on the same data folder: nothing is lost.
/// </summary>
public sealed class ExecutableProcessTests : IDisposable
{
    private readonly string data = Directory.CreateTempSubdirectory("approvals-process-").FullName;
    private Process? process;
    private int port;

    [Fact]
    public async Task Submit_approve_through_the_queue_then_a_missed_supplement_revokes_and_a_restart_keeps_everything()
    {
        port = FreePort();
        Start();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await WaitHealthyAsync(http);
        var portal = new PortalDriver(token =>
        {
            var client = new HttpClient { BaseAddress = http.BaseAddress };
            if (token is not null) client.DefaultRequestHeaders.Authorization = new("Bearer", token);
            return client;
        });

        var id = await portal.SubmitPermitAsync("process-1", extra: ("DRAWING-REVIEW-CERT", "supplement"));
        await portal.WaitAsync(id, s => s.GetProperty("status").GetString() == "under-review");
        foreach (var (dept, item) in new[] { ("HUD", "CP-PERMIT"), ("CAD", "CP-CIVILDEF") })
        {
            var queued = await http.PostAsJsonAsync("/api/dev/queues/department-responses",
                new { messageId = $"q-{item}", applicationId = id, department = dept, item, decision = "approve", opinion = "同意", reviewer = "审查员" });
            Assert.Equal(HttpStatusCode.Accepted, queued.StatusCode);
        }
        var verifying = await portal.WaitAsync(id, s => s.GetProperty("status").GetString() == "verifying");
        var permit = verifying.GetProperty("certificates").EnumerateArray().Single(c => c.GetProperty("item").GetString() == "CP-PERMIT").GetProperty("number").GetString();
        Assert.Equal("valid", (await http.GetFromJsonAsync<JsonElement>($"/api/certificates/{permit}")).GetProperty("status").GetString());

        Assert.Equal(HttpStatusCode.OK, (await http.PostAsJsonAsync("/api/dev/clock/advance", new { days = 45 })).StatusCode);
        var revoked = await PortalDriver.EventuallyAsync(() => http.GetFromJsonAsync<JsonElement>($"/api/certificates/{permit}"),
            c => c.GetProperty("status").GetString() == "revoked");
        Assert.Contains("DRAWING-REVIEW-CERT", revoked.GetProperty("revocationReason").GetString());

        process!.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        Start();
        await WaitHealthyAsync(http);
        var after = await portal.StatusAsync(id);
        Assert.Contains(after.GetProperty("commitments").EnumerateArray(), c => c.GetProperty("status").GetString() == "broken");
        Assert.Equal("revoked", (await http.GetFromJsonAsync<JsonElement>($"/api/certificates/{permit}")).GetProperty("status").GetString());
    }

    private void Start()
    {
        var baseDir = AppContext.BaseDirectory;
        var info = new ProcessStartInfo("dotnet", [Path.Combine(baseDir, "Approvals.Functions.dll"), "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = baseDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["Storage__Path"] = data;
        // The virtual clock restarts at its configured start; the second run starts where the first left off.
        info.Environment["Clock__Start"] = process is null ? AppFactory.Start.ToString("O") : AppFactory.Start.AddDays(45).ToString("O");
        process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    private async Task WaitHealthyAsync(HttpClient http)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            Assert.False(process!.HasExited, $"the app exited with {(process.HasExited ? process.ExitCode : 0)}");
            try
            {
                if ((await http.GetAsync("/api/health", timeout.Token)).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100, timeout.Token);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (process is { HasExited: false }) process.Kill(entireProcessTree: true);
        process?.Dispose();
        try
        {
            Directory.Delete(data, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
