using DurableTasks.Tests.Infrastructure;
using DurableTasks.Worker;

namespace DurableTasks.Tests.Worker;

public sealed class ExtendedSessionTests
{
    private static async Task<(long Output, int Entries)> RunSequence(TimeSpan sessionIdleTimeout)
    {
        var entries = 0;
        await using var h = await EngineHarness.StartAsync(
            r => r
                .AddActivityFunc<long, long>("Step", (_, x) => x * 3 % 1_000_003)
                .AddOrchestratorFunc<int, long>("Sequence", async (ctx, steps) =>
                {
                    if (!ctx.IsReplaying) Interlocked.Increment(ref entries);
                    else Interlocked.Add(ref entries, 1000);
                    long value = Math.Abs(ctx.NewGuid().GetHashCode() % 100) + 1;
                    for (var i = 0; i < steps; i++) value = await ctx.CallActivityAsync<long>("Step", value + i);
                    return value;
                }),
            new EmbeddedWorkerOptions { ExtendedSessionIdleTimeout = sessionIdleTimeout, MaxPollInterval = TimeSpan.FromMilliseconds(20) });
        var id = await h.Client.ScheduleNewOrchestrationInstanceAsync("Sequence", 30, new Microsoft.DurableTask.StartOrchestrationOptions { InstanceId = "seq" });
        var done = await h.Client.WaitForInstanceCompletionAsync(id, true, EngineHarness.Timeout());
        return (done.ReadOutputAs<long>(), entries);
    }

    [Fact]
    public async Task Kept_session_skips_replay_and_gives_the_same_result_as_full_replay()
    {
        var kept = await RunSequence(TimeSpan.FromSeconds(30));
        var replayed = await RunSequence(TimeSpan.Zero);

        Assert.Equal(replayed.Output, kept.Output);
        // With a session the orchestrator is entered once and never replayed; without, every one of the 30 later
        // episodes replays it from the stored history.
        Assert.Equal(1, kept.Entries);
        Assert.Equal(1 + 30 * 1000, replayed.Entries);
    }
}
