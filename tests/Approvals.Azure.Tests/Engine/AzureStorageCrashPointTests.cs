using Approvals.Azure.Engine;
using Approvals.Azure.Tests.Infrastructure;
using DurableTasks.Abstractions;
using DurableTasks.History;
using DurableTasks.Tests.Infrastructure;
using DurableTasks.Worker;

namespace Approvals.Azure.Tests.Engine;

/// <summary>
/// The store dies (a simulated crash: an exception thrown by the fault hook) exactly between two of its writes; the
/// work must still finish, each step once. The sweep (every 2 s here) and lease expiry (moved by the clock) recover it.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureStorageCrashPointTests(AzuriteFixture azurite)
{
    private sealed class SimulatedCrash(string point) : Exception($"simulated crash at {point}");

    private Task<EngineHarness> StartAsync(Func<string, ValueTask> fault, Action<DurableTaskRegistry> register) =>
        EngineHarness.StartAsync(clock => new AzureStorageOrchestrationStore(EngineStores.FreshOptions(azurite), clock) { Fault = fault }, register);

    private static void Echo(DurableTaskRegistry r) => r
        .AddActivityFunc<string, string>("Echo", (_, s) => s + "!")
        .AddOrchestratorFunc<string, string>("Caller", (ctx, s) => ctx.CallActivityAsync<string>("Echo", s));

    [Fact]
    public async Task A_crash_after_the_commit_transaction_is_finished_from_the_outbox_when_the_lease_ends()
    {
        var crashes = 0;
        await using var h = await StartAsync(
            p => p == "commit:after-transaction" && Interlocked.Increment(ref crashes) == 1 ? throw new SimulatedCrash(p) : ValueTask.CompletedTask,
            Echo);

        var id = await h.Client.ScheduleNewOrchestrationInstanceAsync("Caller", "hi");
        await h.WaitForHistoryAsync(id, hist => hist.OfType<TaskScheduledEvent>().Any());
        Assert.Equal(1, Volatile.Read(ref crashes));
        Assert.Equal(0, (await h.Store.GetBacklogAsync()).Activity);

        h.Clock.Advance(TimeSpan.FromMinutes(2));
        var done = await h.Client.WaitForInstanceCompletionAsync(id, EngineHarness.Timeout());

        Assert.Equal("hi!", done.ReadOutputAs<string>());
        var history = await h.Client.GetHistoryAsync(id);
        Assert.Single(history.OfType<TaskScheduledEvent>());
        Assert.Single(history.OfType<TaskCompletedEvent>());
        Assert.Equal((0L, 0L), await h.Store.GetBacklogAsync());
    }

    [Fact]
    public async Task A_message_whose_wake_up_was_lost_is_found_by_the_sweep()
    {
        var armed = 0;
        await using var h = await StartAsync(
            p => p == "deliver:after-rows" && Volatile.Read(ref armed) == 1 ? throw new SimulatedCrash(p) : ValueTask.CompletedTask,
            r => r.AddOrchestratorFunc<object?, int>("Waiter", async (ctx, _) => await ctx.WaitForExternalEvent<int>("Go")));

        var id = await h.Client.ScheduleNewOrchestrationInstanceAsync("Waiter");
        await h.WaitForHistoryAsync(id, hist => hist.OfType<ExecutionStartedEvent>().Any());
        Volatile.Write(ref armed, 1);
        await Assert.ThrowsAsync<SimulatedCrash>(() => h.Client.RaiseEventAsync(id, "Go", 7));
        Volatile.Write(ref armed, 0);

        var done = await h.Client.WaitForInstanceCompletionAsync(id, EngineHarness.Timeout());
        Assert.Equal(7, done.ReadOutputAs<int>());
    }

    [Fact]
    public async Task A_crash_after_an_activity_result_is_recorded_but_before_its_request_is_deleted_records_the_step_once()
    {
        var crashes = 0;
        await using var h = await StartAsync(
            p => p == "activity:after-results" && Interlocked.Increment(ref crashes) == 1 ? throw new SimulatedCrash(p) : ValueTask.CompletedTask,
            Echo);

        var id = await h.Client.ScheduleNewOrchestrationInstanceAsync("Caller", "yo");
        var done = await h.Client.WaitForInstanceCompletionAsync(id, EngineHarness.Timeout());

        Assert.Equal("yo!", done.ReadOutputAs<string>());
        Assert.Equal(1, Volatile.Read(ref crashes));
        Assert.Single((await h.Client.GetHistoryAsync(id)).OfType<TaskCompletedEvent>());
        // The request is still there, locked until its lease ends; it then runs again and its result is dropped as a duplicate.
        Assert.Equal((0L, 1L), await h.Store.GetBacklogAsync());
    }
}
