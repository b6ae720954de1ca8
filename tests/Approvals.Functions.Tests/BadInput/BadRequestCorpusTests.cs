using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Approvals.Functions.Tests.Infrastructure;

namespace Approvals.Functions.Tests.BadInput;

/// <summary>
/// Plays the bad-input corpus against the whole app in memory: no answer is 5xx, every 4xx is problem+json, and a
/// rejected request changes nothing (applications, dead letters, credit, the queue stay as they were).
/// </summary>
public sealed class BadRequestCorpusTests(BadRequestCorpusTests.Fixture fixture) : IClassFixture<BadRequestCorpusTests.Fixture>
{
    public static TheoryData<string> Cases() => Names(c => c.Skip is null);

    [Fact]
    public void The_corpus_has_at_least_150_cases_across_every_endpoint() =>
        Assert.True(BadRequestCorpus.All().Count() >= 150, $"{BadRequestCorpus.All().Count()} cases");

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_bad_request_is_refused_with_problem_json_and_changes_nothing(string name) => await PlayAsync(name);

    [Theory(Skip = "refused by the server before any app code runs (each case's Skip says why)")]
    [MemberData(nameof(RefusedBeforeTheApp))]
    public async Task A_bad_request_the_server_refuses_before_the_app(string name) => await PlayAsync(name);

    public static TheoryData<string> RefusedBeforeTheApp() => Names(c => c.Skip is not null);

    private async Task PlayAsync(string name)
    {
        var bad = BadRequestCorpus.All().Single(c => c.Name == name);
        await fixture.ReadyAsync();
        var before = await fixture.SnapshotAsync();
        var (status, contentType, body) = await fixture.SendAsync(bad);
        var after = await fixture.SnapshotAsync();

        Assert.True(status < 500, $"{bad}: answered {status} {body}");
        Assert.True(status >= 400, $"{bad}: accepted with {status} {Trim(body)}");
        Assert.True(contentType?.StartsWith("application/problem+json", StringComparison.Ordinal) == true, $"{bad}: {status} as '{contentType}': {Trim(body)}");
        Assert.True(before == after, $"{bad}: the state changed\nbefore: {before}\nafter:  {after}");
    }

    [Fact]
    public async Task The_submission_the_cases_break_is_itself_valid()
    {
        await fixture.ReadyAsync();
        var (status, _, body) = await fixture.SendAsync(new BadRequest("control", "POST", "/api/applications", "dev:applicant:{uscc}",
            BadRequestCorpus.ValidSubmission, IdempotencyKey: "corpus-control"));
        Assert.True(status == 202, $"{status} {body}");
        // Settled before the next case takes its snapshot.
        await fixture.Driver.WaitAsync(JsonDocument.Parse(body).RootElement.GetProperty("applicationId").GetString()!, s => s.GetProperty("status").GetString() == "under-review");
        await fixture.QuietAsync();
    }

    private static string Trim(string text) => text.Length > 300 ? text[..300] + "…" : text;

    private static TheoryData<string> Names(Func<BadRequest, bool> which)
    {
        var data = new TheoryData<string>();
        foreach (var c in BadRequestCorpus.All().Where(which)) data.Add(c.Name);
        return data;
    }

    /// <summary>The app with one applicant, its uploaded materials and one application under review.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        private readonly AppFactory factory = new();
        private readonly SemaphoreSlim ready = new(1, 1);
        private string? application;
        private string? material;
        private string materials = "[]";

        public PortalDriver Driver => factory.Driver;

        public async Task ReadyAsync()
        {
            await ready.WaitAsync();
            try
            {
                if (application is not null) return;
                var driver = factory.Driver;
                material = await driver.UploadAsync("corpus material");
                var uploaded = new List<object>();
                foreach (var code in PortalDriver.PermitMaterials) uploaded.Add(new { materialCode = code, materialId = await driver.UploadAsync($"{code} of {PortalDriver.Uscc}") });
                materials = JsonSerializer.Serialize(uploaded);
                application = await driver.SubmitPermitAsync("corpus-application");
                await driver.WaitAsync(application, s => s.GetProperty("status").GetString() == "under-review");
                await QuietAsync();
            }
            finally
            {
                ready.Release();
            }
        }

        /// <summary>Waits until the engine has nothing left to do: two snapshots a moment apart agree.</summary>
        public async Task QuietAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var last = await SnapshotAsync();
            while (true)
            {
                await Task.Delay(300, timeout.Token);
                var now = await SnapshotAsync();
                if (now == last) return;
                last = now;
            }
        }

        public async Task<(int Status, string? ContentType, string Body)> SendAsync(BadRequest bad)
        {
            string Fill(string text) => text.Replace("{materials}", materials).Replace("{app}", application).Replace("{uscc}", PortalDriver.Uscc).Replace("{material}", material);
            var request = new HttpRequestMessage(new HttpMethod(bad.Method), new Uri(Fill(bad.Path), UriKind.Relative));
            if (bad.Body is not null)
            {
                request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Fill(bad.Body)));
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(bad.ContentType);
            }
            if (bad.IdempotencyKey is not null) request.Headers.TryAddWithoutValidation("Idempotency-Key", bad.IdempotencyKey);
            var client = factory.ClientAs(bad.Token is null ? null : Fill(bad.Token));
            using var response = await client.SendAsync(request);
            return ((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
        }

        /// <summary>What a rejected request must not change: the applications and their tasks, dead letters, credit.</summary>
        public async Task<string> SnapshotAsync()
        {
            var supervisor = factory.ClientAs("dev:supervisor:corpus");
            var list = JsonDocument.Parse(await supervisor.GetStringAsync("/api/applications?pageSize=200")).RootElement;
            var applications = list.GetProperty("items").EnumerateArray().Select(a =>
                $"{a.GetProperty("applicationId")} {a.GetProperty("status")} " +
                string.Join(",", a.GetProperty("tasks").EnumerateArray().Select(t => $"{t.GetProperty("item")}={t.GetProperty("state")}")) +
                $" timeline={a.GetProperty("timeline").GetArrayLength()}");
            var letters = JsonDocument.Parse(await supervisor.GetStringAsync("/api/supervision/dead-letters")).RootElement.GetArrayLength();
            var credit = JsonDocument.Parse(await supervisor.GetStringAsync($"/api/credit/{PortalDriver.Uscc}")).RootElement.GetProperty("records").GetArrayLength();
            return $"{string.Join(" | ", applications.Order())}; dead letters {letters}; credit records {credit}";
        }

        public Task InitializeAsync() => Task.CompletedTask;

        public Task DisposeAsync()
        {
            factory.Dispose();
            return Task.CompletedTask;
        }
    }
}
