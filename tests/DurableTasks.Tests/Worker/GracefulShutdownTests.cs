using DurableTasks.Tests.Infrastructure;
using DurableTasks.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Kind = Microsoft.DurableTask.Protobuf.HistoryEvent.EventTypeOneofCase;

namespace DurableTasks.Tests.Worker;

public sealed class GracefulShutdownTests
{
    private static EmbeddedDurableTaskWorker Worker(EngineHarness h, Func<Task<string>> activity, TimeSpan shutdownTimeout) => new(
        h.Store,
        RegisteredTasks.From(r => r
            .AddActivityFunc<object?, string>("Slow", (_, _) => activity())
            .AddOrchestratorFunc<object?, string>("Job", (ctx, _) => ctx.CallActivityAsync<string>("Slow"))),
        new ServiceCollection().BuildServiceProvider(),
        new EmbeddedWorkerOptions { ShutdownTimeout = shutdownTimeout, MaxPollInterval = TimeSpan.FromMilliseconds(20), ActivityLease = TimeSpan.FromMinutes(5) },
        h.Time);

    [Fact]
    public async Task Activity_in_flight_at_shutdown_finishes_and_its_result_is_kept()
    {
        await using var h = await EngineHarness.StartAsync(_ => { });
        await h.Worker.StopAsync(CancellationToken.None);
        var entered = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var runs = 0;
        using var first = Worker(h, async () =>
        {
            Interlocked.Increment(ref runs);
            entered.TrySetResult();
            await release.Task;
            return "done by the stopping worker";
        }, TimeSpan.FromSeconds(10));
        await first.StartAsync(CancellationToken.None);
        var id = await h.Client.ScheduleNewOrchestrationInstanceAsync("Job");
        await entered.Task.WaitAsync(EngineHarness.Timeout());

        var stopping = first.StopAsync(CancellationToken.None);
        release.SetResult();
        await stopping;

        using var second = Worker(h, () => Task.FromResult("run again"), TimeSpan.FromSeconds(1));
        await second.StartAsync(CancellationToken.None);
        var done = await h.Client.WaitForInstanceCompletionAsync(id, true, EngineHarness.Timeout());
        await second.StopAsync(CancellationToken.None);

        Assert.Equal("done by the stopping worker", done.ReadOutputAs<string>());
        Assert.Equal(1, runs);
    }

    [Fact]
    public async Task Activity_still_running_after_the_grace_period_is_released_to_another_worker_at_once()
    {
        await using var h = await EngineHarness.StartAsync(_ => { });
        await h.Worker.StopAsync(CancellationToken.None);
        var entered = new TaskCompletionSource();
        var stuck = new TaskCompletionSource<string>();
        using var first = Worker(h, () =>
        {
            entered.TrySetResult();
            return stuck.Task;
        }, TimeSpan.FromMilliseconds(50));
        await first.StartAsync(CancellationToken.None);
        var id = await h.Client.ScheduleNewOrchestrationInstanceAsync("Job");
        await entered.Task.WaitAsync(EngineHarness.Timeout());
        await first.StopAsync(CancellationToken.None);

        // The 5-minute lease cannot run out within the test: only the release lets the second worker run it.
        using var second = Worker(h, () => Task.FromResult("picked up"), TimeSpan.FromSeconds(1));
        await second.StartAsync(CancellationToken.None);
        var done = await h.Client.WaitForInstanceCompletionAsync(id, true, EngineHarness.Timeout());
        await second.StopAsync(CancellationToken.None);
        stuck.SetResult("too late");

        Assert.Equal("picked up", done.ReadOutputAs<string>());
        Assert.Single((await h.Client.GetHistoryAsync(id)).Of(Kind.TaskCompleted));
    }
}
