using DurableTasks.CrashWorker;
using Xunit.Abstractions;

namespace DurableTasks.Tests.Worker;

public sealed class CrashTests(ITestOutputHelper output) : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("dt-crash-").FullName;

    [Fact]
    public async Task Workers_killed_at_random_points_lose_nothing_and_record_each_step_once()
    {
        // 1,000 fan-out orchestrations with timers and external events in flight; 12 SIGKILLs at random moments, and
        // every third restart dies by itself right after an episode commit or an activity lock.
        var report = await CrashDrill.RunAsync(Path.Combine(folder, "drill.db"), orchestrations: 1000, seed: 20261201, timeout: TimeSpan.FromMinutes(4),
            log: new OutputWriter(output), kills: 12, maxPauseMs: 150);

        output.WriteLine($"{report.Orchestrations} orchestrations, {report.Kills} kills, {report.SelfKills} self-kills, {report.Elapsed.TotalSeconds:F1}s, " +
            $"{report.SinceLastRestart.TotalSeconds:F1}s after the last restart");
        Assert.Empty(report.Problems);
        Assert.True(report.Kills >= 10, $"the drill should have killed a worker at least 10 times, not {report.Kills}");
        Assert.True(report.SelfKills >= 1, "at least one worker should have died at its planned point between two writes");
        Assert.Equal(0, report.LeftoverMessages);
        Assert.True(report.SinceLastRestart < TimeSpan.FromSeconds(30), $"every instance should finish within 30 s of the last restart, not {report.SinceLastRestart}");
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private sealed class OutputWriter(ITestOutputHelper output) : TextWriter
    {
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void WriteLine(string? value) => output.WriteLine(value ?? string.Empty);
    }
}
