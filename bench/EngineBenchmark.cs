using System.Diagnostics;
using System.Diagnostics.Metrics;
using DurableTasks.Backends;
using DurableTasks.Client;
using DurableTasks.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Bench;

/// <summary>Throughput and latency of the embedded backend (Microsoft's replay runtime on SQLite): fan-out(6)/fan-in, and 200-step sequences.</summary>
internal sealed class EngineBenchmark(Func<IOrchestrationStore> createStore, EmbeddedWorkerOptions workerOptions)
{
    public sealed record Result(double PerSecond, double WorkItemsPerSecond, double P50Ms, double P99Ms, int Count, TimeSpan Elapsed)
    {
        /// <summary>Episodes that read the history from the store (no live session), and those the runtime asked to re-run with it.</summary>
        public (long Replays, long SessionMisses) Sessions { get; init; }

        /// <summary>Process CPU time (all threads) per orchestration: steadier than wall time on a shared machine.</summary>
        public double CpuMsPerOrchestration { get; init; }

        /// <summary>The share of the run the store's single writer spent in transactions (SQLite store only), and their count.</summary>
        public (double BusyShare, long Transactions) Writer { get; init; }

        /// <summary>The writer's time by operation, in microseconds per orchestration, largest first.</summary>
        public IReadOnlyList<(string Operation, double MicrosecondsPerOrchestration)> WriterTime { get; init; } = [];
    }

    public async Task<Result> RunAsync(string orchestrator, object input, int count, TimeSpan timeout)
    {
        var store = createStore();
        await store.InitializeAsync();
        var client = new EmbeddedDurableTaskClient(store);
        await using var services = new ServiceCollection().BuildServiceProvider();
        long workItems = 0, replays = 0, misses = 0, transactions = 0;
        double writerBusyMs = 0;
        var writerByOperation = new Dictionary<string, double>(StringComparer.Ordinal);
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == DurableTasks.Diagnostics.EngineTelemetry.Name
                && instrument.Name is "durabletasks.episodes" or "durabletasks.activities" or "durabletasks.replays" or "durabletasks.session_misses"
                    or "durabletasks.store.transactions" or "durabletasks.store.writer_busy")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (instrument.Name == "durabletasks.replays") Interlocked.Add(ref replays, value);
            else if (instrument.Name == "durabletasks.store.transactions") Interlocked.Add(ref transactions, value);
            else if (instrument.Name == "durabletasks.session_misses") Interlocked.Add(ref misses, value);
            else Interlocked.Add(ref workItems, value);
        });
        // Only the writer loop reports this, one thread at a time.
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            writerBusyMs += value;
            foreach (var tag in tags)
            {
                if (tag.Key == "operation" && tag.Value is string operation) writerByOperation[operation] = writerByOperation.GetValueOrDefault(operation) + value;
            }
        });
        listener.Start();

        using var worker = new EmbeddedDurableTaskWorker(store, RegisteredTasks.From(Register), services, workerOptions);
        var clock = Stopwatch.StartNew();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        await worker.StartAsync(CancellationToken.None);
        var prefix = $"{orchestrator}-{Guid.NewGuid():N}-";
        // Several concurrent producers, as several portal requests would be, so the producer is not the limit.
        const int producers = 8;
        var scheduling = Task.WhenAll(Enumerable.Range(0, producers).Select(p => Task.Run(async () =>
        {
            for (var i = p; i < count; i += producers)
            {
                await client.ScheduleNewOrchestrationInstanceAsync(orchestrator, input, new StartOrchestrationOptions { InstanceId = $"{prefix}{i:D7}" });
            }
        })));
        using var deadline = new CancellationTokenSource(timeout);
        await scheduling;
        // Look every 20 ms (wall), not on every store change: an observer woken by each of thousands of commits a
        // second would cost the engine it measures.
        while (true)
        {
            var open = await store.QueryInstancesAsync(new InstanceQuery
            {
                Statuses = [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running],
                InstanceIdPrefix = prefix,
                PageSize = 1,
            });
            if (open.Instances.Count == 0) break;
            await Task.Delay(20, deadline.Token);
        }
        var elapsed = clock.Elapsed;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        await worker.StopAsync(CancellationToken.None);
        listener.Dispose();

        var latencies = new List<double>(count);
        string? token = null;
        do
        {
            var page = await store.QueryInstancesAsync(new InstanceQuery { InstanceIdPrefix = prefix, PageSize = 1000, ContinuationToken = token });
            foreach (var instance in page.Instances)
            {
                if (instance.Status != OrchestrationRuntimeStatus.Completed) throw new InvalidOperationException($"{instance.InstanceId} ended {instance.Status}: {instance.Failure}");
                latencies.Add((instance.CompletedAt!.Value - instance.CreatedAt).TotalMilliseconds);
            }
            token = page.ContinuationToken;
        }
        while (token is not null);
        latencies.Sort();
        if (store is IAsyncDisposable disposable) await disposable.DisposeAsync();
        return new Result(count / elapsed.TotalSeconds, Interlocked.Read(ref workItems) / elapsed.TotalSeconds,
            Percentile(latencies, 0.50), Percentile(latencies, 0.99), count, elapsed) { Sessions = (Interlocked.Read(ref replays), Interlocked.Read(ref misses)), CpuMsPerOrchestration = cpu.TotalMilliseconds / count, Writer = (writerBusyMs / elapsed.TotalMilliseconds, Interlocked.Read(ref transactions)),
            WriterTime = writerByOperation.OrderByDescending(o => o.Value).Select(o => (o.Key, o.Value * 1000 / count)).ToList() };
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    /// <summary>The peers' workload classes (bench/Peers) for fan-out(6), so every backend runs the same code.</summary>
    private static void Register(DurableTaskRegistry registry) => registry
        .AddOrchestrator<Peers.FanOutSixOrchestrator>()
        .AddActivity<Peers.DoubleActivity>()
        .AddActivityFunc<int, int>("Work", (_, x) => x + 1)
        .AddOrchestratorFunc<int, int>("Sequence200", async (ctx, x) =>
        {
            for (var i = 0; i < 200; i++) x = await ctx.CallActivityAsync<int>("Work", x);
            return x;
        });
}
