using DurableTasks.CrashWorker;
using Xunit.Abstractions;

namespace DurableTasks.Tests.Worker;

public sealed class CrashTests(ITestOutputHelper output) : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("dt-crash-").FullName;

    [Fact]
    public async Task Worker_killed_at_random_points_loses_nothing_and_records_each_step_once()
    {
        // Short pauses (10–100 ms) so several kills land while work remains even on a fast machine: the 600 instances
        // can finish in under two seconds, and a drill that kills once proves little.
        var report = await CrashDrill.RunAsync(Path.Combine(folder, "drill.db"), orchestrations: 600, seed: 20261122, timeout: TimeSpan.FromMinutes(3), maxPauseMs: 100);

        output.WriteLine($"{report.Orchestrations} orchestrations, {report.Kills} kills, {report.Elapsed.TotalSeconds:F1}s");
        Assert.Empty(report.Problems);
        Assert.True(report.Kills >= 3, $"the drill should have killed the worker several times, not {report.Kills}");
        Assert.Equal(0, report.LeftoverMessages);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
