using Microsoft.DurableTask;

namespace DurableTasks.CrashWorker;

/// <summary>
/// The orchestrations the drill runs: each fans out to six activities and sums their results, sleeps on a durable timer
/// (wall time: the drill never touches a clock), then waits for an external event whose value it adds.
/// </summary>
public static class DrillWorkload
{
    public const string Orchestrator = "DrillFanOut";
    public const string Activity = "DrillWork";
    public const string GoEvent = "go";
    public const int Width = 6;
    public static readonly TimeSpan Nap = TimeSpan.FromSeconds(1);

    public static void Register(DurableTaskRegistry registry) => registry
        .AddActivityFunc<int[], long>(Activity, (_, pair) => (long)pair[0] * 10 + pair[1])
        .AddOrchestratorFunc<int, long>(Orchestrator, async (ctx, n) =>
        {
            var parts = await Task.WhenAll(Enumerable.Range(0, Width).Select(k => ctx.CallActivityAsync<long>(Activity, new[] { n, k })));
            await ctx.CreateTimer(ctx.CurrentUtcDateTime.Add(Nap), CancellationToken.None);
            var go = await ctx.WaitForExternalEvent<int>(GoEvent);
            return parts.Sum() + go;
        });

    public static long Expected(int n) => Enumerable.Range(0, Width).Sum(k => (long)n * 10 + k) + n;
}
