using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Bench;

/// <summary>
/// <c>bench http</c>: submission load on loopback against the app as its own process (the local host, Development,
/// a fresh embedded store). Open loop: request i is due at start + i/rate and its latency counts from that moment, so
/// a slow server is not hidden by a client that waits for it. Each step runs a rate for a while; the run ends at the
/// first rate whose p99 crosses 200 ms.
/// </summary>
internal static class HttpBenchmark
{
    private const string Uscc = "91350100M000100Y43";
    private static readonly string[] Materials =
        ["LAND-CERT", "PLANNING-PERMIT", "CONTRACTOR-CONTRACT", "DRAWING-REVIEW-CERT", "SAFETY-MEASURES", "DESIGN-DRAWINGS", "CIVILDEF-DESIGN"];

    public static async Task<int> RunAsync(BenchArguments arguments, string folder)
    {
        var seconds = arguments.GetInt("seconds", 10);
        var rates = arguments.Get("rates", "100,200,300,400,600,800,1200").Split(',').Select(r => int.Parse(r, CultureInfo.InvariantCulture)).ToList();
        var port = FreePort();
        using var app = StartApp(folder, port);
        try
        {
            return await MeasureAsync(app, port, seconds, rates);
        }
        finally
        {
            // Stopped by its own pid before the data folder goes.
            if (!app.HasExited) app.Kill(entireProcessTree: true);
            await app.WaitForExitAsync();
        }
    }

    private static async Task<int> MeasureAsync(Process app, int port, int seconds, IReadOnlyList<int> rates)
    {
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
            Timeout = TimeSpan.FromSeconds(30),
        };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", $"dev:applicant:{Uscc}");
        await WaitHealthyAsync(client);
        var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(await SubmissionAsync(client)));

        // Warm-up: JIT, connection pool, SQLite caches.
        await StepAsync(client, body, rate: 50, TimeSpan.FromSeconds(3), "warmup");

        var results = new List<(int Rate, Step Step)>();
        foreach (var rate in rates)
        {
            app.Refresh();
            var cpuBefore = app.TotalProcessorTime;
            var step = await StepAsync(client, body, rate, TimeSpan.FromSeconds(seconds), $"r{rate}");
            app.Refresh();
            // The app's own CPU over the step (HTTP and the engine running what was accepted), per submission: steadier
            // than a tail latency on a shared machine.
            var cpuPerRequest = (app.TotalProcessorTime - cpuBefore).TotalMilliseconds / step.Sent;
            results.Add((rate, step));
            Console.WriteLine(FormattableString.Invariant(
                $"rate={rate}/s sent={step.Sent} ok={step.Accepted} errors={step.Errors} achieved={step.Achieved:F0}/s p50_ms={step.P50:F1} p99_ms={step.P99:F1} max_ms={step.Max:F1} app_cpu_ms_per_request={cpuPerRequest:F2}"));
            if (step.P99 > 200) break;
        }
        var at200 = results.FirstOrDefault(r => r.Rate == 200).Step;
        var crossing = results.FirstOrDefault(r => r.Step.P99 > 200);
        var sustained = results.Where(r => r.Step.P99 <= 200).Select(r => r.Rate).DefaultIfEmpty(0).Max();
        Console.WriteLine(FormattableString.Invariant(
            $"p99_ms_at_200={(at200 is null ? double.NaN : at200.P99):F1} sustained_rate_p99_under_200ms={sustained} first_rate_p99_over_200ms={(crossing.Step is null ? "none" : crossing.Rate.ToString(CultureInfo.InvariantCulture))}"));
        return results.Sum(r => r.Step.Errors) == 0 ? 0 : 1;
    }

    private sealed record Step(int Sent, int Accepted, int Errors, double Achieved, double P50, double P99, double Max);

    private static async Task<Step> StepAsync(HttpClient client, byte[] body, int rate, TimeSpan duration, string keyPrefix)
    {
        var total = (int)(rate * duration.TotalSeconds);
        var latencies = new double[total];
        var accepted = 0;
        var errors = 0;
        var clock = Stopwatch.StartNew();
        var tasks = new List<Task>(total);
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds(i / (double)rate);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1)) await Task.Delay(wait);
            var index = i;
            tasks.Add(Task.Run(async () =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/applications") { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                request.Headers.Add("Idempotency-Key", $"{keyPrefix}-{index}-{Guid.NewGuid():N}");
                try
                {
                    using var response = await client.SendAsync(request);
                    if (response.StatusCode == HttpStatusCode.Accepted) Interlocked.Increment(ref accepted);
                    else Interlocked.Increment(ref errors);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref errors);
                }
                latencies[index] = (clock.Elapsed - due).TotalMilliseconds;
            }));
        }
        await Task.WhenAll(tasks);
        var elapsed = clock.Elapsed.TotalSeconds;
        Array.Sort(latencies);
        return new Step(total, accepted, errors, total / elapsed, Percentile(latencies, 0.50), Percentile(latencies, 0.99), latencies[^1]);
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static async Task<object> SubmissionAsync(HttpClient client)
    {
        var materials = new List<object>();
        foreach (var code in Materials)
        {
            using var content = new ByteArrayContent([.. "%PDF-1.7\n"u8.ToArray(), .. Encoding.UTF8.GetBytes(code)]);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            using var response = await client.PostAsync("/api/materials", content);
            response.EnsureSuccessStatusCode();
            materials.Add(new { materialCode = code, materialId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("materialId").GetString() });
        }
        return new
        {
            applicant = new { uscc = Uscc, name = "福州示范建设有限公司" },
            project = new { code = "2609-350102-04-01-123456", name = "示范厂房", type = "industrial", floorArea = 8000, height = 18, occupantDensity = "low", technicalComplexity = "low", socialInvestment = true, keyProject = false },
            procedure = "commitment-approval",
            items = new[] { "CP-PERMIT", "CP-CIVILDEF" },
            materials,
            commitments = new[] { new { materialCode = "FUNDS-PROOF", @class = "retained" } },
        };
    }

    private static Process StartApp(string folder, int port)
    {
        var dll = AppAssembly();
        var info = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}", $"--Storage:Path={Path.Combine(folder, "app")}",
            "--Logging:LogLevel:Default=Warning", "--Clock:Start=2026-09-28T09:00:00+08:00"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) Console.Error.WriteLine($"app: {line}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>The Function App's Release build beside this one (bench builds it: see Bench.csproj).</summary>
    private static string AppAssembly()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Serverless.sln"))) dir = dir.Parent;
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var dll = Path.Combine(dir!.FullName, "functions", "Approvals.Functions", "bin", configuration, "net10.0", "Approvals.Functions.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"build the app first: dotnet build -c {configuration} functions/Approvals.Functions", dll);
    }

    private static async Task WaitHealthyAsync(HttpClient client)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                using var response = await client.GetAsync("/api/health");
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("the app did not answer /api/health within 60 s");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
