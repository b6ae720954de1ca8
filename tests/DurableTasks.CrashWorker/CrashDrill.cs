using System.Diagnostics;
using DurableTasks.Abstractions;
using DurableTasks.Backends;
using DurableTasks.Backends.Sqlite;
using DurableTasks.Client;
using DurableTasks.History;

namespace DurableTasks.CrashWorker;

/// <summary>What a drill found: per-instance problems (empty when the engine kept every guarantee) and counts.</summary>
public sealed record CrashDrillReport(int Orchestrations, int Kills, TimeSpan Elapsed, IReadOnlyList<string> Problems, long LeftoverMessages);

/// <summary>
/// Schedules fan-out orchestrations into a store (a SQLite file, or Azure Storage), runs them in two worker
/// processes, kills one of them with SIGKILL at random moments and restarts it, then checks every instance:
/// completed, right output, each step exactly once in history, no message left behind.
/// </summary>
public static class CrashDrill
{
    public static Task<CrashDrillReport> RunAsync(string databasePath, int orchestrations, int seed, TimeSpan timeout, TextWriter? log = null, int maxPauseMs = 300) =>
        RunAsync(new DrillBackend(
            () => new SqliteOrchestrationStore(new SqliteStoreOptions { DatabasePath = databasePath }),
            ["--db", databasePath]), orchestrations, seed, timeout, log, maxPauseMs: maxPauseMs);

    public static async Task<CrashDrillReport> RunAsync(DrillBackend backend, int orchestrations, int seed, TimeSpan timeout, TextWriter? log = null, int maxKills = 20, int maxPauseMs = 300)
    {
        var started = Stopwatch.StartNew();
        var store = backend.CreateStore();
        await store.InitializeAsync();
        var client = new DurableTaskClient(store);
        var ids = new List<string>();
        for (var i = 0; i < orchestrations; i++)
        {
            ids.Add(await client.ScheduleNewOrchestrationInstanceAsync(DrillWorkload.Orchestrator, i, new StartOrchestrationOptions { InstanceId = $"drill-{i:D5}" }));
        }

        var random = new Random(seed);
        var kills = 0;
        using var deadline = new CancellationTokenSource(timeout);
        // Two worker processes share the file; one of them is killed at random moments and restarted.
        var workers = new[] { StartWorker(backend), StartWorker(backend) };
        try
        {
            while (!deadline.IsCancellationRequested)
            {
                var (running, _) = await client.QueryInstancesAsync(new() { Statuses = [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running], PageSize = 1 });
                if (running.Count == 0) break;
                var pause = TimeSpan.FromMilliseconds(random.Next(maxPauseMs / 10, maxPauseMs));
                await Task.Delay(pause, deadline.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                if (kills < maxKills)
                {
                    var victim = random.Next(workers.Length);
                    workers[victim].Kill(entireProcessTree: true);
                    await workers[victim].WaitForExitAsync();
                    workers[victim].Dispose();
                    kills++;
                    if (log is not null)
                    {
                        var (open, _) = await client.QueryInstancesAsync(new() { Statuses = [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running], PageSize = orchestrations });
                        log.WriteLine($"killed worker {victim} (kill #{kills}) at {started.Elapsed.TotalSeconds:F1}s, {open.Count} instances still open");
                    }
                    workers[victim] = StartWorker(backend);
                }
            }
            // Let the surviving workers drain duplicates (e.g. an activity request re-sent after a kill) before judging.
            while (!deadline.IsCancellationRequested)
            {
                var (o, a) = await store.GetBacklogAsync();
                if (o + a == 0) break;
                log?.WriteLine($"draining at {started.Elapsed.TotalSeconds:F1}s: {o} orchestration messages, {a} activity requests");
                await Task.Delay(1000, deadline.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
        finally
        {
            foreach (var worker in workers)
            {
                if (!worker.HasExited) worker.Kill(entireProcessTree: true);
                await worker.WaitForExitAsync();
                worker.Dispose();
            }
        }

        var problems = new List<string>();
        for (var i = 0; i < ids.Count; i++)
        {
            problems.AddRange(await CheckAsync(client, ids[i], i));
        }
        var (orchestrationBacklog, activityBacklog) = await store.GetBacklogAsync();
        if (store is IAsyncDisposable disposable) await disposable.DisposeAsync();
        return new CrashDrillReport(orchestrations, kills, started.Elapsed, problems, orchestrationBacklog + activityBacklog);
    }

    private static async Task<IEnumerable<string>> CheckAsync(DurableTaskClient client, string id, int n)
    {
        var problems = new List<string>();
        var instance = await client.GetInstanceAsync(id);
        if (instance is null) return [$"{id}: missing"];
        if (instance.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
        {
            return [$"{id}: {instance.RuntimeStatus} {instance.FailureDetails}"];
        }
        if (instance.ReadOutputAs<long>() != DrillWorkload.Expected(n)) problems.Add($"{id}: output {instance.SerializedOutput}, expected {DrillWorkload.Expected(n)}");
        var history = await client.GetHistoryAsync(id);
        void ExpectOnce<T>(Func<T, int> key, string what) where T : HistoryEvent
        {
            var groups = history.OfType<T>().GroupBy(key).ToList();
            if (groups.Count != DrillWorkload.Width || groups.Any(g => g.Count() != 1))
            {
                problems.Add($"{id}: {what} recorded {string.Join(",", groups.Select(g => $"#{g.Key}x{g.Count()}"))}");
            }
        }
        ExpectOnce<TaskScheduledEvent>(e => e.TaskId, "scheduled");
        ExpectOnce<TaskCompletedEvent>(e => e.TaskScheduledId, "completed");
        if (history.OfType<ExecutionStartedEvent>().Count() != 1) problems.Add($"{id}: started {history.OfType<ExecutionStartedEvent>().Count()} times");
        if (history.OfType<ExecutionCompletedEvent>().Count() != 1) problems.Add($"{id}: completed {history.OfType<ExecutionCompletedEvent>().Count()} times");
        return problems;
    }

    private static Process StartWorker(DrillBackend backend)
    {
        var exe = Path.Combine(AppContext.BaseDirectory, "DurableTasks.CrashWorker.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { exe, "worker" }.Concat(backend.WorkerArguments)) info.ArgumentList.Add(arg);
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the crash worker process.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
