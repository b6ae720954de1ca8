using System.Diagnostics;
using System.Globalization;
using Bench;
using Bench.Peers;
using DurableTasks.Backends.Sqlite;
using DurableTasks.CrashWorker;

// dotnet run -c Release --project bench -- engine --orchestrations N
// dotnet run -c Release --project bench -- crash --orchestrations 1000
// dotnet run -c Release --project bench -- queries --applications 2000
// dotnet run -c Release --project bench -- http [--seconds 10] [--rates 100,200,300,400,600,800,1200]
//   (submissions on loopback against the app as its own process; stops at the first rate whose p99 crosses 200 ms)
// dotnet run -c Release --project bench -- peers --orchestrations 2000 [--azure-orchestrations 300] [--warmup 50] [--peers testhost,azurestorage]
//   (Microsoft's backends on the same fan-out(6) classes; DOTNET_PROCESSOR_COUNT=256 lifts the test host's dispatcher cap)
var arguments = BenchArguments.Parse(args);
var folder = Directory.CreateTempSubdirectory("bench-").FullName;
try
{
    switch (arguments.Mode)
    {
        case "engine":
            return await RunEngineAsync(arguments, folder);
        case "queries":
            return await QueriesBenchmark.RunAsync(arguments, folder);
        case "http":
            return await HttpBenchmark.RunAsync(arguments, folder);
        case "peers":
            {
                var summary = await RunPeersAsync(arguments, arguments.Get("peers", $"{TestHostPeer.PeerName},{AzureStoragePeer.PeerName}"));
                if (summary is null) return 2;
                Console.WriteLine(string.Join(' ', summary));
                return 0;
            }
        case "crash":
            {
                var report = await CrashDrill.RunAsync(Path.Combine(folder, "drill.db"), arguments.GetInt("orchestrations", 1000), arguments.GetInt("seed", 1), TimeSpan.FromMinutes(20), Console.Out,
                    kills: arguments.GetInt("kills", 12), maxPauseMs: arguments.GetInt("max-pause-ms", 300));
                foreach (var problem in report.Problems.Take(20)) Console.WriteLine($"PROBLEM {problem}");
                Console.WriteLine(FormattableString.Invariant(
                    $"crash_orchestrations={report.Orchestrations} kills={report.Kills} self_kills={report.SelfKills} problems={report.Problems.Count} leftover_messages={report.LeftoverMessages} elapsed_s={report.Elapsed.TotalSeconds:F1} after_last_restart_s={report.SinceLastRestart.TotalSeconds:F1}"));
                return report.Problems.Count == 0 && report.LeftoverMessages == 0 ? 0 : 1;
            }
        default:
            Console.Error.WriteLine("usage: bench engine --orchestrations N [--peers testhost,azurestorage|none] | bench crash --orchestrations N | bench queries --applications N | bench http [--seconds N] [--rates a,b,c] | bench peers --orchestrations N [--azure-orchestrations N] [--peers testhost,azurestorage]");
            return 2;
    }
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Directory.Delete(folder, recursive: true);
}

static async Task<int> RunEngineAsync(BenchArguments arguments, string folder)
{
    var count = arguments.GetInt("orchestrations", 2000);
    var run = 0;
    var defaults = new DurableTasks.Worker.EmbeddedWorkerOptions();
    var workerOptions = defaults with
    {
        OrchestrationBatchSize = arguments.GetInt("orchestration-batch", defaults.OrchestrationBatchSize),
        ActivityBatchSize = arguments.GetInt("activity-batch", defaults.ActivityBatchSize),
        MaxConcurrentActivities = arguments.GetInt("activity-concurrency", defaults.MaxConcurrentActivities),
    };
    Func<DurableTasks.Backends.IOrchestrationStore> createStore = () => new SqliteOrchestrationStore(new SqliteStoreOptions { DatabasePath = Path.Combine(folder, $"engine-{run++}.db") });
    var benchmark = new EngineBenchmark(createStore, workerOptions);

    Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
    // The raw rate is measured before and after ours, and the higher one counts: on a shared disk it moves by a third
    // within minutes, and a slow moment must not flatter the ratio below.
    var rawBefore = SqliteTransactionRate.Measure(Path.Combine(folder, "raw-before.db"), TimeSpan.FromSeconds(3));
    Console.WriteLine(FormattableString.Invariant($"raw sqlite single-row transactions (before): {rawBefore:F0}/s"));

    await benchmark.RunAsync(FanOutSixOrchestrator.Name, 1, Math.Min(arguments.GetInt("warmup", 200), count), TimeSpan.FromMinutes(5)); // warm-up (JIT, file creation)
    var fanOut = await benchmark.RunAsync(FanOutSixOrchestrator.Name, 1, count, TimeSpan.FromMinutes(15));
    Console.WriteLine(FormattableString.Invariant(
        $"fan-out(6): {fanOut.Count} in {fanOut.Elapsed.TotalSeconds:F2}s = {fanOut.PerSecond:F0}/s, work items {fanOut.WorkItemsPerSecond:F0}/s, p50 {fanOut.P50Ms:F0} ms, p99 {fanOut.P99Ms:F0} ms, history replays {fanOut.Sessions.Replays}, session misses {fanOut.Sessions.SessionMisses}, cpu {fanOut.CpuMsPerOrchestration:F3} ms/orchestration, store writer busy {fanOut.Writer.BusyShare:P0} in {fanOut.Writer.Transactions} transactions"));
    Console.WriteLine("store writer, µs per orchestration: " + string.Join(", ", fanOut.WriterTime.Select(w => FormattableString.Invariant($"{w.Operation} {w.MicrosecondsPerOrchestration:F0}"))));

    var sequences = arguments.GetInt("sequences", Math.Max(10, count / 100));
    var sequence = await benchmark.RunAsync("Sequence200", 0, sequences, TimeSpan.FromMinutes(15));
    Console.WriteLine(FormattableString.Invariant(
        $"sequence(200): {sequence.Count} in {sequence.Elapsed.TotalSeconds:F2}s = {sequence.PerSecond:F1}/s, work items {sequence.WorkItemsPerSecond:F0}/s, history replays {sequence.Sessions.Replays}, session misses {sequence.Sessions.SessionMisses}"));

    var rawAfter = SqliteTransactionRate.Measure(Path.Combine(folder, "raw-after.db"), TimeSpan.FromSeconds(3));
    var rawTx = Math.Max(rawBefore, rawAfter);
    Console.WriteLine(FormattableString.Invariant($"raw sqlite single-row transactions (after): {rawAfter:F0}/s; the higher counts: {rawTx:F0}/s"));

    var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0;
    var ours = string.Create(CultureInfo.InvariantCulture,
        $"fanout6_per_sec={fanOut.PerSecond:F0} work_items_per_sec={fanOut.WorkItemsPerSecond:F0} p50_ms={fanOut.P50Ms:F0} p99_ms={fanOut.P99Ms:F0} peak_ws_mb={peakMb:F0} sqlite_tx_per_sec={rawTx:F0}");
    Console.WriteLine(FormattableString.Invariant($"ours: {ours} seq200_per_sec={sequence.PerSecond:F2} work_items_per_tx={fanOut.WorkItemsPerSecond / rawTx:F2}"));

    // The peers in the same run, on the same workload classes (bench/Peers), so the figures compare.
    var peers = arguments.Get("peers", $"{TestHostPeer.PeerName},{AzureStoragePeer.PeerName}");
    var summary = peers == "none" ? [] : await RunPeersAsync(arguments, peers);
    Console.WriteLine($"peers ran with {Environment.ProcessorCount} processors (DOTNET_PROCESSOR_COUNT={Environment.GetEnvironmentVariable("DOTNET_PROCESSOR_COUNT") ?? "unset"})");
    if (summary is null) return 2;
    Console.WriteLine(string.Join(' ', new[] { ours }.Concat(summary)));
    return 0;
}

static async Task<List<string>?> RunPeersAsync(BenchArguments arguments, string peerList)
{
    var count = arguments.GetInt("orchestrations", 2000);
    var azureCount = arguments.GetInt("azure-orchestrations", Math.Min(count, 300));
    var warmup = arguments.GetInt("peer-warmup", 50);
    var peers = peerList.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    if (peers.FirstOrDefault(p => p is not (TestHostPeer.PeerName or AzureStoragePeer.PeerName)) is { } unknown)
    {
        Console.Error.WriteLine($"unknown peer '{unknown}' (known: {TestHostPeer.PeerName}, {AzureStoragePeer.PeerName})");
        return null;
    }
    using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(30));
    Console.WriteLine($"machine: {Environment.ProcessorCount} cores (DOTNET_PROCESSOR_COUNT={Environment.GetEnvironmentVariable("DOTNET_PROCESSOR_COUNT") ?? "unset"}), {Environment.OSVersion}, .NET {Environment.Version}, load {LoadAverage()}");
    var summary = new List<string>();
    if (peers.Contains(TestHostPeer.PeerName))
    {
        if (warmup > 0) await TestHostPeer.RunAsync(warmup, deadline.Token); // JIT, gRPC channel
        var result = await TestHostPeer.RunAsync(count, deadline.Token);
        Console.WriteLine(result);
        summary.Add(FormattableString.Invariant(
            $"testhost_fanout6_per_sec={result.PerSecond:F1} testhost_processor_count={result.ProcessorCount} testhost_orchestrations={result.Orchestrations} testhost_p50_ms={result.P50Ms:F0} testhost_p99_ms={result.P99Ms:F0}"));
    }
    if (peers.Contains(AzureStoragePeer.PeerName))
    {
        await using var azurite = await AzuriteProcess.StartAsync();
        Console.WriteLine($"azurite: pid {azurite.ProcessId}");
        if (warmup > 0) await AzureStoragePeer.RunAsync(azurite.ConnectionString, Math.Min(warmup, azureCount), deadline.Token);
        var result = await AzureStoragePeer.RunAsync(azurite.ConnectionString, azureCount, deadline.Token);
        Console.WriteLine(result);
        summary.Add(FormattableString.Invariant(
            $"azurestorage_fanout6_per_sec={result.PerSecond:F1} azurestorage_orchestrations={result.Orchestrations} azurestorage_p50_ms={result.P50Ms:F0} azurestorage_p99_ms={result.P99Ms:F0}"));
    }
    Console.WriteLine($"load after: {LoadAverage()}");
    return summary;
}

// The machine is shared: the 1/5/15-minute load averages say how much else ran beside a measurement.
static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
