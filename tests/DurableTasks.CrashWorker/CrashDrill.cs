using System.Diagnostics;
using DurableTasks.Backends;
using DurableTasks.Backends.Sqlite;
using DurableTasks.Client;
using Microsoft.DurableTask.Client;
using P = Microsoft.DurableTask.Protobuf;

namespace DurableTasks.CrashWorker;

/// <summary>What a drill found: per-instance problems (empty when the engine kept every guarantee) and counts.</summary>
public sealed record CrashDrillReport(
    int Orchestrations, int Kills, int SelfKills, TimeSpan Elapsed, TimeSpan SinceLastRestart, IReadOnlyList<string> Problems, long LeftoverMessages);

/// <summary>
/// Schedules fan-out orchestrations (six activities, a durable timer, an external event) into one SQLite file, runs them
/// in two worker processes, kills them with SIGKILL at random moments (and, in some restarts, makes a worker kill itself
/// right after an episode commit or an activity lock), raises the events while the kills go on, then checks every
/// instance: completed, right output, each step exactly once in history, no message left behind.
/// </summary>
public static class CrashDrill
{
    private static readonly string[] DeathPoints = ["after-commit", "after-activity-lock"];

    public static async Task<CrashDrillReport> RunAsync(string databasePath, int orchestrations, int seed, TimeSpan timeout, TextWriter? log = null, int kills = 12, int maxPauseMs = 300)
    {
        var started = Stopwatch.StartNew();
        var store = new SqliteOrchestrationStore(new SqliteStoreOptions { DatabasePath = databasePath });
        await store.InitializeAsync();
        var client = new EmbeddedDurableTaskClient(store);
        var ids = new List<string>();
        // Instances arrive in waves between the kills, so fan-outs (episode commits with activity requests) are in
        // flight at every kill, not only at the start.
        async Task ScheduleUpToAsync(int count)
        {
            for (var i = ids.Count; i < Math.Min(count, orchestrations); i++)
            {
                ids.Add(await client.ScheduleNewOrchestrationInstanceAsync(DrillWorkload.Orchestrator, i, new Microsoft.DurableTask.StartOrchestrationOptions { InstanceId = $"drill-{i:D5}" }));
            }
        }
        await ScheduleUpToAsync(orchestrations / (kills + 1));

        var random = new Random(seed);
        var done = 0;
        var selfKills = 0;
        var lastRestart = Stopwatch.StartNew();
        using var deadline = new CancellationTokenSource(timeout);
        var workers = new[] { StartWorker(databasePath, null), StartWorker(databasePath, null) };
        var raised = 0;
        var planned = new bool[workers.Length];
        try
        {
            while (done < kills && !deadline.IsCancellationRequested)
            {
                // Schedule the next wave; raise the events of the one before (with ids, so a repeat is dropped).
                await ScheduleUpToAsync((done + 2) * orchestrations / (kills + 1));
                var upTo = Math.Min(ids.Count, raised + orchestrations / (kills + 1));
                for (; raised < upTo; raised++) await client.RaiseEventAsync(ids[raised], DrillWorkload.GoEvent, raised, eventId: "go", deadline.Token);
                await Task.Delay(random.Next(maxPauseMs / 10, maxPauseMs), deadline.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                for (var w = 0; w < workers.Length; w++)
                {
                    if (!workers[w].HasExited) continue;
                    // It died at its planned point: count it and bring a plain worker back.
                    selfKills++;
                    planned[w] = false;
                    workers[w].Dispose();
                    workers[w] = StartWorker(databasePath, null);
                    log?.WriteLine($"worker {w} killed itself at its planned point at {started.Elapsed.TotalSeconds:F1}s");
                }
                // A worker waiting for its planned death is left alone to reach it.
                var victim = random.Next(workers.Length);
                if (planned[victim]) victim = (victim + 1) % workers.Length;
                workers[victim].Kill(entireProcessTree: true);
                done++;
                await workers[victim].WaitForExitAsync();
                workers[victim].Dispose();
                // Every third restart comes back with a planned death at a point between two writes.
                var die = done % 3 == 0 ? DeathPoints[random.Next(DeathPoints.Length)] : null;
                workers[victim] = StartWorker(databasePath, die);
                planned[victim] = die is not null && !planned[(victim + 1) % workers.Length];
                if (planned[victim])
                {
                    // Give it the time to start and reach its point (a planned death needs work in flight).
                    var waited = Stopwatch.StartNew();
                    while (!workers[victim].HasExited && waited.Elapsed < TimeSpan.FromSeconds(3)) await Task.Delay(20, deadline.Token);
                }
                lastRestart.Restart();
                log?.WriteLine($"kill #{done} of worker {victim} at {started.Elapsed.TotalSeconds:F1}s{(die is null ? "" : $", restarted to die {die}")}");
            }
            await ScheduleUpToAsync(orchestrations);
            for (; raised < ids.Count; raised++) await client.RaiseEventAsync(ids[raised], DrillWorkload.GoEvent, raised, eventId: "go", deadline.Token);
            // Workers that planned their death are replaced by plain ones for the finish.
            for (var w = 0; w < workers.Length; w++)
            {
                workers[w].Kill(entireProcessTree: true);
                await workers[w].WaitForExitAsync();
                workers[w].Dispose();
                workers[w] = StartWorker(databasePath, null);
            }
            lastRestart.Restart();
            while (!deadline.IsCancellationRequested)
            {
                var (o, a) = await store.GetBacklogAsync();
                if (o + a == 0) break;
                await Task.Delay(200, deadline.Token).ContinueWith(_ => { }, TaskScheduler.Default);
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
        var sinceLastRestart = lastRestart.Elapsed;

        var problems = new List<string>();
        for (var i = 0; i < ids.Count; i++) problems.AddRange(await CheckAsync(client, ids[i], i));
        var (orchestrationBacklog, activityBacklog) = await store.GetBacklogAsync();
        await store.DisposeAsync();
        return new CrashDrillReport(orchestrations, done, selfKills, started.Elapsed, sinceLastRestart, problems, orchestrationBacklog + activityBacklog);
    }

    private static async Task<IEnumerable<string>> CheckAsync(EmbeddedDurableTaskClient client, string id, int n)
    {
        var problems = new List<string>();
        var instance = await client.GetInstanceAsync(id, getInputsAndOutputs: true);
        if (instance is null) return [$"{id}: missing"];
        if (instance.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
        {
            return [$"{id}: {instance.RuntimeStatus} {instance.FailureDetails}"];
        }
        if (instance.ReadOutputAs<long>() != DrillWorkload.Expected(n)) problems.Add($"{id}: output {instance.SerializedOutput}, expected {DrillWorkload.Expected(n)}");
        var history = await client.GetHistoryAsync(id);
        void Expect(P.HistoryEvent.EventTypeOneofCase kind, Func<P.HistoryEvent, int> key, int distinct)
        {
            var groups = history.Where(e => e.EventTypeCase == kind).GroupBy(key).ToList();
            if (groups.Count != distinct || groups.Any(g => g.Count() != 1))
            {
                problems.Add($"{id}: {kind} recorded {string.Join(",", groups.Select(g => $"#{g.Key}x{g.Count()}"))}");
            }
        }
        Expect(P.HistoryEvent.EventTypeOneofCase.TaskScheduled, e => e.EventId, DrillWorkload.Width);
        Expect(P.HistoryEvent.EventTypeOneofCase.TaskCompleted, e => e.TaskCompleted.TaskScheduledId, DrillWorkload.Width);
        Expect(P.HistoryEvent.EventTypeOneofCase.TimerCreated, e => e.EventId, 1);
        Expect(P.HistoryEvent.EventTypeOneofCase.TimerFired, e => e.TimerFired.TimerId, 1);
        Expect(P.HistoryEvent.EventTypeOneofCase.EventRaised, _ => 0, 1);
        Expect(P.HistoryEvent.EventTypeOneofCase.ExecutionStarted, _ => 0, 1);
        Expect(P.HistoryEvent.EventTypeOneofCase.ExecutionCompleted, _ => 0, 1);
        return problems;
    }

    private static Process StartWorker(string databasePath, string? die)
    {
        var exe = Path.Combine(AppContext.BaseDirectory, "DurableTasks.CrashWorker.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { exe, "worker", "--db", databasePath }) info.ArgumentList.Add(arg);
        if (die is not null)
        {
            foreach (var arg in new[] { "--die", die, "--after", "1" }) info.ArgumentList.Add(arg);
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the crash worker process.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
