using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Approvals.Identity;
using Approvals.Functions.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Approvals.Functions.Tests.Durability;

/// <summary>
/// The app-level crash drill (issue 14, "Must show"): the real executable on its own data folder, 300 applications
/// submitted over HTTP, department decisions over HTTP and through the department-responses queue (with repeated
/// deliveries and late conflicting decisions), the process killed with SIGKILL at least ten times while decisions are in
/// flight and started again on the same data. At the end: every accepted decision applied, no task decided twice, no
/// duplicate certificate, every credit chain intact, no 5xx answered on the way.
/// </summary>
public sealed partial class AppCrashDrillTests(ITestOutputHelper output) : IDisposable
{
    private const int Applications = 300;
    private const int Kills = 12;
    private const int Applicants = 20;
    private const int Parallelism = 6;
    private static readonly (string Dept, string Item)[] Tasks = [("HUD", "CP-PERMIT"), ("CAD", "CP-CIVILDEF")];

    private readonly string data = Directory.CreateTempSubdirectory("approvals-drill-").FullName;
    private readonly ConcurrentBag<string> serverErrors = [];
    private readonly HttpClient http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 32, PooledConnectionIdleTimeout = TimeSpan.FromSeconds(2) })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };
    private AppProcess? app;

    [Fact]
    public async Task Three_hundred_applications_survive_a_dozen_kill_9_with_nothing_lost_doubled_or_forged()
    {
        var clock = Stopwatch.StartNew();
        using var overall = new CancellationTokenSource(TimeSpan.FromSeconds(300));
        var ct = overall.Token;
        app = new AppProcess(data, new Dictionary<string, string>
        {
            ["Clock__Start"] = AppFactory.Start.ToString("O"),
            // A message taken by a process that is then killed comes back after this (Service Bus: the lock duration).
            ["Queues__DepartmentResponses__VisibilitySeconds"] = "2",
        });
        http.BaseAddress = app.BaseAddress;
        app.Start();
        await app.WaitHealthyAsync(http, TimeSpan.FromSeconds(60));

        var usccs = Enumerable.Range(0, Applicants).Select(UsccOf).ToArray();
        var uploads = new ConcurrentDictionary<string, IReadOnlyList<(string Code, string Id)>>();
        await Parallel.ForEachAsync(usccs, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct }, async (uscc, token) =>
            uploads[uscc] = await UploadAllAsync(uscc, token));

        // What the departments were told was accepted, per (application, item): the first decision, which must stand.
        var expected = new ConcurrentDictionary<(string App, string Item), string>();
        var conflicts = new ConcurrentBag<string>();
        var ids = new string[Applications];
        var accepted = 0;
        var kills = 0;
        var workDone = new TaskCompletionSource();
        var restarts = new ConcurrentBag<TimeSpan>();

        // The killer: a kill each time another slice of the 600 decisions has been accepted, so every kill lands while
        // submissions, HTTP decisions and queued messages are in flight.
        var killer = Task.Run(async () =>
        {
            var random = new Random(14);
            var slice = Applications * Tasks.Length / (Kills + 2);
            while (kills < Kills)
            {
                while (Volatile.Read(ref accepted) < (kills + 1) * slice && !workDone.Task.IsCompleted) await Task.Delay(20, ct);
                await Task.Delay(random.Next(0, 250), ct);
                await app.KillAsync();
                kills++;
                var down = Stopwatch.StartNew();
                app.Start();
                await app.WaitHealthyAsync(http, TimeSpan.FromSeconds(60));
                restarts.Add(down.Elapsed);
            }
        }, ct);

        await Parallel.ForEachAsync(Enumerable.Range(0, Applications), new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct }, async (i, token) =>
        {
            var uscc = usccs[i % Applicants];
            var id = ids[i] = await SubmitAsync(i, uscc, uploads[uscc], token);
            for (var t = 0; t < Tasks.Length; t++)
            {
                var (dept, item) = Tasks[t];
                var decision = t == 0 && i % 6 == 5 ? "reject" : "approve";
                var messageId = $"drill-{i}-{item}";
                var overHttp = (i + t) % 2 == 0;
                if (overHttp) await DecideOverHttpAsync(dept, id, item, decision, messageId, token);
                else await QueueAsync(dept, id, item, decision, messageId, token);
                expected[(id, item)] = decision;
                Interlocked.Increment(ref accepted);
                // A repeated delivery of the same message, once through the other path.
                if (i % 7 == 0)
                {
                    if (overHttp) await QueueAsync(dept, id, item, decision, messageId, token);
                    else await DecideOverHttpAsync(dept, id, item, decision, messageId, token, allowConflict: true);
                }
                // A late, conflicting decision with another message id after the first was raised: it must not stand.
                if (overHttp && i % 10 == 4)
                {
                    conflicts.Add($"drill-{i}-{item}-late");
                    await QueueAsync(dept, id, item, decision == "approve" ? "reject" : "approve", $"drill-{i}-{item}-late", token);
                }
            }
        });
        workDone.SetResult();
        await killer;
        output.WriteLine($"{Applications} applications, {expected.Count} decisions accepted, {kills} kills (back up in {restarts.Average(r => r.TotalSeconds):F1}s on average), workload done at {clock.Elapsed.TotalSeconds:F1}s");

        // Every accepted decision ends applied: no task left pending.
        var finals = await SettleAsync(ids, TimeSpan.FromSeconds(60), ct);
        output.WriteLine($"settled at {clock.Elapsed.TotalSeconds:F1}s");

        var problems = new List<string>();
        var numbers = new Dictionary<string, string>();
        foreach (var id in ids)
        {
            var status = finals[id];
            var tasks = status.GetProperty("tasks").EnumerateArray().ToList();
            foreach (var (dept, item) in Tasks)
            {
                var mine = tasks.Where(t => t.GetProperty("item").GetString() == item).ToList();
                if (mine.Count != 1) problems.Add($"{id} {item}: {mine.Count} review tasks");
                var want = expected[(id, item)] == "approve" ? "approved" : "rejected";
                if (mine.Count > 0 && mine[^1].GetProperty("state").GetString() is var state && state != want) problems.Add($"{id} {item}: {state}, the accepted decision was {want}");
                var decided = status.GetProperty("timeline").EnumerateArray()
                    .Count(e => Decided().IsMatch(e.GetProperty("event").GetString()!) && e.GetProperty("event").GetString()!.StartsWith($"{dept} {item}: ", StringComparison.Ordinal));
                if (decided != 1) problems.Add($"{id} {item}: decided {decided} times");
            }
            var certificates = status.GetProperty("certificates").EnumerateArray().ToList();
            var approvedItems = status.GetProperty("status").GetString() == "verifying" ? Tasks.Length : 0;
            if (certificates.Count != approvedItems) problems.Add($"{id}: {certificates.Count} certificates for {approvedItems} approved items");
            foreach (var c in certificates)
            {
                var number = c.GetProperty("number").GetString()!;
                if (!numbers.TryAdd(number, id)) problems.Add($"certificate {number} twice ({numbers[number]}, {id})");
            }
            if (certificates.GroupBy(c => c.GetProperty("item").GetString()).Any(g => g.Count() > 1)) problems.Add($"{id}: two certificates for one item");
        }

        // The public side agrees: each project page lists exactly its own certificates, once.
        foreach (var (id, i) in ids.Select((id, i) => (id, i)).Where(p => p.i % 10 == 0))
        {
            var project = await GetJsonAsync($"/api/projects/{ProjectCode(i)}", null, ct);
            var listed = project.GetProperty("certificates").EnumerateArray().Select(c => c.GetProperty("number").GetString()!).ToList();
            var own = finals[id].GetProperty("certificates").EnumerateArray().Select(c => c.GetProperty("number").GetString()!).ToList();
            if (!listed.Order().SequenceEqual(own.Order())) problems.Add($"project {ProjectCode(i)} lists {string.Join(",", listed)}; the application has {string.Join(",", own)}");
        }

        foreach (var uscc in usccs)
        {
            var credit = await GetJsonAsync($"/api/credit/{uscc}", "dev:supervisor:drill", ct);
            if (!credit.GetProperty("chainIntact").GetBoolean()) problems.Add($"credit chain of {uscc} does not verify");
        }

        // Only a late conflicting decision may be dead-lettered, or a redelivery of a decision that did stand.
        var letters = (await GetJsonAsync("/api/supervision/dead-letters", "dev:supervisor:drill", ct)).EnumerateArray().ToList();
        foreach (var letter in letters)
        {
            var messageId = letter.GetProperty("messageId").GetString()!;
            if (conflicts.Contains(messageId)) continue;
            var body = letter.GetProperty("body");
            var key = (body.GetProperty("applicationId").GetString()!, body.GetProperty("item").GetString()!);
            if (!expected.TryGetValue(key, out var decision) || decision != body.GetProperty("decision").GetString())
            {
                problems.Add($"dead letter {messageId}: {letter.GetProperty("reason").GetString()}");
            }
        }
        problems.AddRange(serverErrors);

        output.WriteLine($"{numbers.Count} certificates, {letters.Count} dead letters ({conflicts.Count} late conflicting decisions sent), " +
            $"{app.Starts} starts, {clock.Elapsed.TotalSeconds:F1}s in all");
        Assert.True(kills >= 10, $"only {kills} kills");
        Assert.True(problems.Count == 0, string.Join('\n', problems.Take(40)));
    }

    [GeneratedRegex(@"^[A-Z]+ [A-Z-]+: (approved|rejected|corrections)\b")]
    private static partial Regex Decided();

    private static string UsccOf(int n)
    {
        var first17 = $"91350100M{n:D4}0000";
        return first17 + Uscc.ComputeCheckCharacter(first17);
    }

    private static string ProjectCode(int i) => $"2609-350102-04-01-{i:D5}0";

    private async Task<IReadOnlyList<(string Code, string Id)>> UploadAllAsync(string uscc, CancellationToken ct)
    {
        var list = new List<(string, string)>();
        foreach (var code in PortalDriver.PermitMaterials)
        {
            using var response = await SendAsync(() =>
            {
                var content = new ByteArrayContent(PortalDriver.Pdf($"{code} of {uscc}"));
                content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
                var request = Request(HttpMethod.Post, "/api/materials", $"dev:applicant:{uscc}", content);
                request.Headers.Add("X-File-Name", $"{code}.pdf");
                return request;
            }, ct);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            list.Add((code, (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("materialId").GetString()!));
        }
        return list;
    }

    private async Task<string> SubmitAsync(int i, string uscc, IReadOnlyList<(string Code, string Id)> uploaded, CancellationToken ct)
    {
        // Every fifth application commits to supply its drawing review certificate later instead of citing it.
        var supplement = i % 5 == 0;
        var body = new
        {
            applicant = new { uscc, name = "福州示范建设有限公司" },
            project = new { code = ProjectCode(i), name = $"演练厂房 {i}", type = "industrial", floorArea = 8000, height = 18, occupantDensity = "low", technicalComplexity = "low", socialInvestment = true, keyProject = false },
            procedure = "commitment-approval",
            items = new[] { "CP-PERMIT", "CP-CIVILDEF" },
            materials = uploaded.Where(m => !supplement || m.Code != "DRAWING-REVIEW-CERT").Select(m => new { materialCode = m.Code, materialId = m.Id }).ToArray(),
            commitments = supplement
                ? new[] { new { materialCode = "FUNDS-PROOF", @class = "retained" }, new { materialCode = "DRAWING-REVIEW-CERT", @class = "supplement" } }
                : [new { materialCode = "FUNDS-PROOF", @class = "retained" }],
        };
        using var response = await SendAsync(() =>
        {
            var request = Request(HttpMethod.Post, "/api/applications", $"dev:applicant:{uscc}", JsonContent.Create(body));
            request.Headers.Add("Idempotency-Key", $"drill-{i}");
            return request;
        }, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"submission {i}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("applicationId").GetString()!;
    }

    private async Task DecideOverHttpAsync(string dept, string id, string item, string decision, string messageId, CancellationToken ct, bool allowConflict = false)
    {
        using var response = await SendAsync(() => Request(HttpMethod.Post, $"/api/departments/{dept}/decisions", $"dev:department:{dept}",
            JsonContent.Create(new { messageId, applicationId = id, item, decision, opinion = "演练 / drill", reviewer = "审查员" })), ct);
        // 409 only when an earlier attempt of this same request was applied before the connection died (or it is a repeat).
        if (response.StatusCode == HttpStatusCode.Accepted || response.StatusCode == HttpStatusCode.Conflict) return;
        Assert.Fail($"decision {messageId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
    }

    private async Task QueueAsync(string dept, string id, string item, string decision, string messageId, CancellationToken ct)
    {
        using var response = await SendAsync(() => Request(HttpMethod.Post, "/api/dev/queues/department-responses", null,
            JsonContent.Create(new { messageId, applicationId = id, department = dept, item, decision, opinion = "演练 / drill", reviewer = "审查员" })), ct);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private async Task<JsonElement> StatusAsync(string id, CancellationToken ct) => await GetJsonAsync($"/api/applications/{id}", "dev:supervisor:drill", ct);

    private async Task<JsonElement> GetJsonAsync(string path, string? token, CancellationToken ct)
    {
        using var response = await SendAsync(() => Request(HttpMethod.Get, path, token, null), ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        return await response.Content.ReadFromJsonAsync<JsonElement>(ct);
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string? token, HttpContent? content)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    /// <summary>
    /// Sends until the app answers: a connection refused or reset (the process is down) is retried with the same
    /// request, as a client would after a timeout. A 5xx is remembered as a problem and retried.
    /// </summary>
    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> make, CancellationToken ct)
    {
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(ct);
            attempt.CancelAfter(TimeSpan.FromSeconds(20));
            var request = make();
            try
            {
                var response = await http.SendAsync(request, attempt.Token);
                if ((int)response.StatusCode < 500) return response;
                serverErrors.Add($"{request.Method} {request.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
                response.Dispose();
            }
            catch (HttpRequestException)
            {
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
            }
            await Task.Delay(100, ct);
        }
    }

    /// <summary>Polls every application until none has a pending task; on timeout names those that still have.</summary>
    private async Task<Dictionary<string, JsonElement>> SettleAsync(IReadOnlyList<string> ids, TimeSpan timeout, CancellationToken ct)
    {
        var finals = new Dictionary<string, JsonElement>();
        var last = new Dictionary<string, JsonElement>();
        var waited = Stopwatch.StartNew();
        while (true)
        {
            foreach (var id in ids.Where(id => !finals.ContainsKey(id)))
            {
                var status = last[id] = await StatusAsync(id, ct);
                if (status.GetProperty("tasks").EnumerateArray().All(t => t.GetProperty("state").GetString() != "pending")
                    && status.GetProperty("status").GetString() is "verifying" or "rejected")
                {
                    finals[id] = status;
                }
            }
            if (finals.Count == ids.Count) return finals;
            if (waited.Elapsed > timeout)
            {
                var stuck = ids.Where(id => !finals.ContainsKey(id)).Select(id => $"{id}: {last[id].GetProperty("status")} " +
                    string.Join(", ", last[id].GetProperty("tasks").EnumerateArray().Select(t => $"{t.GetProperty("item")}={t.GetProperty("state")}")));
                throw new Xunit.Sdk.XunitException($"{ids.Count - finals.Count} applications never settled:\n{string.Join('\n', stuck.Take(20))}");
            }
            await Task.Delay(200, ct);
        }
    }

    public void Dispose()
    {
        if (app is not null && !app.HasExited) output.WriteLine(app.Output.Length > 4000 ? app.Output[^4000..] : app.Output);
        app?.Dispose();
        http.Dispose();
        try
        {
            Directory.Delete(data, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
