using DurableTasks.Abstractions;
using DurableTasks.Backends.InMemory;
using DurableTasks.Client;
using DurableTasks.History;
using DurableTasks.Tests.Infrastructure;
using DurableTasks.Time;
using DurableTasks.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace DurableTasks.Tests.Worker;

public sealed class GracefulShutdownTests
{
    private readonly ControllableTimeProvider clock = new(EngineHarness.Epoch);
    private readonly InMemoryOrchestrationStore store;
    private readonly DurableTaskClient client;
    private readonly ServiceProvider services = new ServiceCollection().BuildServiceProvider();

    public GracefulShutdownTests()
    {
        store = new InMemoryOrchestrationStore(clock);
        client = new DurableTaskClient(store, clock);
    }

    private DurableTaskWorker Worker(Func<TaskActivityContext, Task<string>> activity, TimeSpan shutdownTimeout) => new(
        store,
        new DurableTaskRegistry()
            .AddActivityFunc<object?, string>("Slow", (ctx, _) => activity(ctx))
            .AddOrchestratorFunc<object?, string>("Job", (ctx, _) => ctx.CallActivityAsync<string>("Slow")),
        services,
        new DurableTaskWorkerOptions { ShutdownTimeout = shutdownTimeout, MaxPollInterval = TimeSpan.FromMilliseconds(20) },
        clock);

    [Fact]
    public async Task Activity_in_flight_at_shutdown_finishes_and_its_result_is_kept()
    {
        var entered = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var runs = 0;
        using var first = Worker(async _ =>
        {
            Interlocked.Increment(ref runs);
            entered.TrySetResult();
            await release.Task;
            return "done by the stopping worker";
        }, TimeSpan.FromSeconds(10));
        await first.StartAsync(CancellationToken.None);
        var id = await client.ScheduleNewOrchestrationInstanceAsync("Job");
        await entered.Task.WaitAsync(EngineHarness.Timeout());

        var stopping = first.StopAsync(CancellationToken.None);
        release.SetResult();
        await stopping;

        using var second = Worker(_ => Task.FromResult("run again"), TimeSpan.FromSeconds(1));
        await second.StartAsync(CancellationToken.None);
        var done = await client.WaitForInstanceCompletionAsync(id, EngineHarness.Timeout());
        await second.StopAsync(CancellationToken.None);

        Assert.Equal("done by the stopping worker", done.ReadOutputAs<string>());
        Assert.Equal(1, runs);
    }

    [Fact]
    public async Task Activity_still_running_after_the_grace_period_is_released_to_another_worker_at_once()
    {
        var entered = new TaskCompletionSource();
        using var first = Worker(async ctx =>
        {
            entered.TrySetResult();
            await Task.Delay(Timeout.Infinite, ctx.CancellationToken);
            return "never";
        }, TimeSpan.FromMilliseconds(50));
        await first.StartAsync(CancellationToken.None);
        var id = await client.ScheduleNewOrchestrationInstanceAsync("Job");
        await entered.Task.WaitAsync(EngineHarness.Timeout());
        await first.StopAsync(CancellationToken.None);

        // The clock does not move, so the 5-minute lease cannot expire: only a release lets this run.
        using var second = Worker(_ => Task.FromResult("picked up"), TimeSpan.FromSeconds(1));
        await second.StartAsync(CancellationToken.None);
        var done = await client.WaitForInstanceCompletionAsync(id, EngineHarness.Timeout());
        await second.StopAsync(CancellationToken.None);

        Assert.Equal("picked up", done.ReadOutputAs<string>());
        Assert.Single((await client.GetHistoryAsync(id)).OfType<TaskCompletedEvent>());
    }
}
