using System.Diagnostics;
using DurableTasks.Tests.Infrastructure;
using DurableTasks.Worker;
using Microsoft.DurableTask;

namespace DurableTasks.Tests.Worker;

public sealed class FailedEpisodeTests
{
    [Fact]
    public async Task Episode_failing_inside_the_engine_is_retried_after_the_delay_instead_of_spinning()
    {
        var attempts = 0;
        var delay = TimeSpan.FromMilliseconds(300);
        await using var h = await EngineHarness.StartAsync(
            r => r.AddOrchestrator("Fragile", () => Interlocked.Increment(ref attempts) <= 2
                ? throw new InvalidOperationException("the orchestrator could not be built (a broken deployment)")
                : new Echo()),
            new EmbeddedWorkerOptions { FailedEpisodeRetryDelay = delay, MaxPollInterval = TimeSpan.FromMilliseconds(20) });
        var clock = Stopwatch.StartNew();

        var id = await h.Client.ScheduleNewOrchestrationInstanceAsync("Fragile", 7);
        var done = await h.Client.WaitForInstanceCompletionAsync(id, true, EngineHarness.Timeout());

        Assert.Equal(7, done.ReadOutputAs<int>());
        Assert.Equal(3, attempts);
        Assert.True(clock.Elapsed >= 2 * delay, $"two failures should have parked the instance twice for {delay}, not {clock.Elapsed}");
    }

    private sealed class Echo : TaskOrchestrator<int, int>
    {
        public override Task<int> RunAsync(TaskOrchestrationContext context, int input) => Task.FromResult(input);
    }
}
