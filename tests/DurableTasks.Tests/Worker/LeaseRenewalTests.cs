using DurableTasks.Tests.Infrastructure;
using DurableTasks.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace DurableTasks.Tests.Worker;

/// <summary>
/// Leases are short and renewed by the live worker: work a killed process held is handed on within seconds (the app's
/// crash drill waited up to the old two-minute activity lease after each kill -9), and work that outlasts its lease in a
/// live worker is not taken from it.
/// </summary>
public sealed class LeaseRenewalTests
{
    private static EmbeddedDurableTaskWorker Worker(EngineHarness h, Func<Task<string>> activity) => new(
        h.Store,
        RegisteredTasks.From(r => r
            .AddActivityFunc<object?, string>("Slow", (_, _) => activity())
            .AddOrchestratorFunc<object?, string>("Job", (ctx, _) => ctx.CallActivityAsync<string>("Slow"))),
        new ServiceCollection().BuildServiceProvider(),
        new EmbeddedWorkerOptions { MaxPollInterval = TimeSpan.FromMilliseconds(20), ActivityLease = TimeSpan.FromMilliseconds(1500), OrchestrationLease = TimeSpan.FromMilliseconds(1500) },
        h.Time);

    [Fact]
    public async Task An_activity_that_outlasts_its_lease_in_a_live_worker_keeps_it_and_runs_once()
    {
        await using var h = await EngineHarness.StartAsync(_ => { });
        await h.Worker.StopAsync(CancellationToken.None);
        var runs = 0;
        var warm = false;
        async Task<string> Slow()
        {
            if (!warm) return "warm";
            Interlocked.Increment(ref runs);
            await Task.Delay(TimeSpan.FromMilliseconds(4000));
            return "done";
        }
        using var first = Worker(h, Slow);
        using var second = Worker(h, Slow);
        await first.StartAsync(CancellationToken.None);
        await second.StartAsync(CancellationToken.None);
        // A first job warms the runtime up. The lease is short (1.5 s, renewed every 0.5 s) but not shorter: on 2 cores
        // two workers' polling has been seen to starve the thread pool for up to 0.8 s (the default lease is 6 s).
        await h.Client.WaitForInstanceCompletionAsync(await h.Client.ScheduleNewOrchestrationInstanceAsync("Job"), true, EngineHarness.Timeout());
        warm = true;
        var id = await h.Client.ScheduleNewOrchestrationInstanceAsync("Job");
        var done = await h.Client.WaitForInstanceCompletionAsync(id, true, EngineHarness.Timeout());
        await first.StopAsync(CancellationToken.None);
        await second.StopAsync(CancellationToken.None);

        Assert.Equal("done", done.ReadOutputAs<string>());
        Assert.Equal(1, runs);
    }

    [Fact]
    public void A_killed_workers_leases_run_out_within_seconds_by_default()
    {
        var options = new EmbeddedWorkerOptions();
        Assert.True(options.OrchestrationLease <= TimeSpan.FromSeconds(10), $"orchestration lease {options.OrchestrationLease}");
        Assert.True(options.ActivityLease <= TimeSpan.FromSeconds(10), $"activity lease {options.ActivityLease}");
    }
}
