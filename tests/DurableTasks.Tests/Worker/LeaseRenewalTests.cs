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
        new EmbeddedWorkerOptions { MaxPollInterval = TimeSpan.FromMilliseconds(20), ActivityLease = TimeSpan.FromMilliseconds(300), OrchestrationLease = TimeSpan.FromMilliseconds(300) },
        h.Time);

    [Fact]
    public async Task An_activity_that_outlasts_its_lease_in_a_live_worker_keeps_it_and_runs_once()
    {
        await using var h = await EngineHarness.StartAsync(_ => { });
        await h.Worker.StopAsync(CancellationToken.None);
        var runs = 0;
        async Task<string> Slow()
        {
            Interlocked.Increment(ref runs);
            await Task.Delay(TimeSpan.FromMilliseconds(1500));
            return "done";
        }
        using var first = Worker(h, Slow);
        using var second = Worker(h, Slow);
        await first.StartAsync(CancellationToken.None);
        await second.StartAsync(CancellationToken.None);
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
