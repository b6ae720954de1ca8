using System.Diagnostics;
using System.Globalization;
using Bench;
using DurableTasks.Backends.Sqlite;
using DurableTasks.CrashWorker;

// dotnet run -c Release --project bench -- engine --orchestrations N
// dotnet run -c Release --project bench -- crash --orchestrations 1000
// dotnet run -c Release --project bench -- queries --applications 2000
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
            Console.Error.WriteLine("usage: bench engine --orchestrations N | bench crash --orchestrations N | bench queries --applications N");
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
    var rawTx = SqliteTransactionRate.Measure(folder, TimeSpan.FromSeconds(3));
    Console.WriteLine(FormattableString.Invariant($"raw sqlite single-row transactions: {rawTx:F0}/s"));

    await benchmark.RunAsync("FanOut6", 1, Math.Min(arguments.GetInt("warmup", 200), count), TimeSpan.FromMinutes(5)); // warm-up (JIT, file creation)
    var fanOut = await benchmark.RunAsync("FanOut6", 1, count, TimeSpan.FromMinutes(15));
    Console.WriteLine(FormattableString.Invariant(
        $"fan-out(6): {fanOut.Count} in {fanOut.Elapsed.TotalSeconds:F2}s = {fanOut.PerSecond:F0}/s, work items {fanOut.WorkItemsPerSecond:F0}/s, p50 {fanOut.P50Ms:F0} ms, p99 {fanOut.P99Ms:F0} ms"));

    var sequences = arguments.GetInt("sequences", Math.Max(10, count / 100));
    var sequence = await benchmark.RunAsync("Sequence200", 0, sequences, TimeSpan.FromMinutes(15));
    Console.WriteLine(FormattableString.Invariant(
        $"sequence(200): {sequence.Count} in {sequence.Elapsed.TotalSeconds:F2}s = {sequence.PerSecond:F1}/s, work items {sequence.WorkItemsPerSecond:F0}/s"));

    var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"fanout6_per_sec={fanOut.PerSecond:F0} work_items_per_sec={fanOut.WorkItemsPerSecond:F0} p50_ms={fanOut.P50Ms:F0} p99_ms={fanOut.P99Ms:F0} peak_ws_mb={peakMb:F0} sqlite_tx_per_sec={rawTx:F0} seq200_per_sec={sequence.PerSecond:F2}"));
    return 0;
}
