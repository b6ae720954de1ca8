using Approvals.Azure.Tests.Infrastructure;
using DurableTasks.CrashWorker;
using Xunit.Abstractions;

namespace Approvals.Azure.Tests.Engine;

/// <summary>
/// The engine's crash drill on the Azure Storage store: two worker processes serve fan-out orchestrations from
/// Azurite, one is SIGKILLed at random moments and restarted; afterwards every instance must have completed with the
/// right output, each step recorded exactly once, and no message left behind.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureStorageCrashTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact]
    public async Task Worker_killed_at_random_points_loses_nothing_and_records_each_step_once()
    {
        var log = new StringWriter();
        var report = await CrashDrill.RunAsync(AzureDrill.Backend(azurite.ConnectionString), orchestrations: 40, seed: 20261123, timeout: TimeSpan.FromSeconds(40), log, maxKills: 8, maxPauseMs: 2500);

        output.WriteLine(log.ToString());
        output.WriteLine($"{report.Orchestrations} orchestrations, {report.Kills} kills, {report.Elapsed.TotalSeconds:F1}s, leftover {report.LeftoverMessages}");
        Assert.Empty(report.Problems);
        Assert.True(report.Kills >= 3, $"the drill should have killed the worker several times, not {report.Kills}");
        Assert.Equal(0, report.LeftoverMessages);
    }
}
