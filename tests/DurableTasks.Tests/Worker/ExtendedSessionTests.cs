using DurableTasks.Backends.InMemory;
using DurableTasks.Tests.Infrastructure;
using DurableTasks.Worker;

namespace DurableTasks.Tests.Worker;

public sealed class ExtendedSessionTests
{
    private static async Task<(long Output, int Entries)> RunSequence(int capacity)
    {
        var entries = 0;
        await using var h = await EngineHarness.StartAsync(
            clock => new InMemoryOrchestrationStore(clock),
            r => r
                .AddActivityFunc<long, long>("Step", (_, x) => x * 3 % 1_000_003)
                .AddOrchestratorFunc<int, long>("Sequence", async (ctx, steps) =>
                {
                    Interlocked.Increment(ref entries);
                    long value = ctx.Random.Next(1, 100);
                    for (var i = 0; i < steps; i++) value = await ctx.CallActivityAsync<long>("Step", value + i);
                    return value;
                }),
            new DurableTaskWorkerOptions { ExtendedSessionCapacity = capacity, MaxPollInterval = TimeSpan.FromMilliseconds(20) });
        var id = await h.Client.ScheduleNewOrchestrationInstanceAsync("Sequence", 30, new() { InstanceId = "seq" });
        var done = await h.Client.WaitForInstanceCompletionAsync(id, EngineHarness.Timeout());
        return (done.ReadOutputAs<long>(), entries);
    }

    [Fact]
    public async Task Kept_session_skips_replay_and_gives_the_same_result_as_full_replay()
    {
        var kept = await RunSequence(capacity: 100);
        var replayed = await RunSequence(capacity: 0);

        Assert.Equal(replayed.Output, kept.Output);
        Assert.Equal(1, kept.Entries);
        Assert.Equal(31, replayed.Entries);
    }
}
