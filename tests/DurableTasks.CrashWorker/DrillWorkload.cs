using DurableTasks.Worker;

namespace DurableTasks.CrashWorker;

/// <summary>The orchestrations the drill runs: each fans out to six activities and sums their results.</summary>
public static class DrillWorkload
{
    public const string Orchestrator = "DrillFanOut";
    public const string Activity = "DrillWork";
    public const int Width = 6;

    public static void Register(DurableTaskRegistry registry) => registry
        .AddActivityFunc<int[], long>(Activity, (_, pair) => (long)pair[0] * 10 + pair[1])
        .AddOrchestratorFunc<int, long>(Orchestrator, async (ctx, n) =>
        {
            var parts = await Task.WhenAll(Enumerable.Range(0, Width).Select(k => ctx.CallActivityAsync<long>(Activity, new[] { n, k })));
            return parts.Sum();
        });

    public static long Expected(int n) => Enumerable.Range(0, Width).Sum(k => (long)n * 10 + k);
}
