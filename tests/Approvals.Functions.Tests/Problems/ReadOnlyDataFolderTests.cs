using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Approvals.Functions.Tests.Durability;
using Approvals.Functions.Tests.Infrastructure;

namespace Approvals.Functions.Tests.Problems;

/// <summary>Issue 14, defect 16: a data folder that cannot be written does not kill startup; it is one clear line, and the app recovers.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ReadOnlyDataFolderTests
{
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task The_app_starts_on_a_read_only_data_folder_names_it_once_answers_writes_503_and_resumes_when_it_can_be_written()
    {
        using var folder = ReadOnlyFolder.Create();
        using var app = new AppProcess(folder.Path, new Dictionary<string, string> { ["Clock__Start"] = AppFactory.Start.ToString("O") });
        http.BaseAddress = app.BaseAddress;
        var driver = new PortalDriver(token =>
        {
            var client = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
            if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return client;
        });
        app.Start();

        var line = await app.WaitForOutputAsync("cannot be written", TimeSpan.FromSeconds(60));
        var health = await AnsweringHealthAsync(app);
        Assert.Contains(folder.Path, line, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Contains(folder.Path, (await health.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("checks").GetProperty("data-folder").GetString(), StringComparison.Ordinal);

        // Reads that need no write answer; a write answers 503 problem+json naming the store, and nothing crashes.
        Assert.Equal(HttpStatusCode.OK, (await driver.Anonymous().GetAsync("/api/catalog/items")).StatusCode);
        var upload = new ByteArrayContent(PortalDriver.Pdf("site plan")) { Headers = { ContentType = new MediaTypeHeaderValue("application/pdf") } };
        using var refused = await driver.Applicant().PostAsync("/api/materials", upload);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("store", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(app.HasExited, app.Output);

        folder.MakeWritable();
        await app.WaitForOutputAsync("can be written again", TimeSpan.FromSeconds(30));
        await app.WaitHealthyAsync(http, TimeSpan.FromSeconds(60));
        var id = await driver.SubmitPermitAsync("after-the-mount-was-fixed");
        var status = await driver.WaitAsync(id, s => s.GetProperty("tasks").GetArrayLength() == 2);

        Assert.Equal("pending", PortalDriver.State(status, "CP-PERMIT"));
        Assert.Equal("pending", PortalDriver.State(status, "CP-CIVILDEF"));
        // One line named the folder while it could not be written, though it was checked again every few seconds.
        Assert.Single(app.Output.Split('\n'), l => l.Contains("cannot be written", StringComparison.Ordinal));
    }

    /// <summary>Polls /api/health until the app answers at all (200 or 503).</summary>
    private async Task<HttpResponseMessage> AnsweringHealthAsync(AppProcess app)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            Assert.False(app.HasExited, $"the app exited on a read-only data folder:\n{app.Output}");
            try
            {
                return await http.GetAsync("/api/health", timeout.Token);
            }
            catch (HttpRequestException)
            {
                await Task.Delay(50, timeout.Token);
            }
        }
    }
}
