using System.Diagnostics;
using System.Text.Json;
using Approvals.Azure.Tests.Infrastructure;
using Approvals.Azure.Tests.Probes;
using Xunit.Abstractions;

namespace Approvals.Azure.Tests.Stores;

/// <summary>
/// The big-file proof. The upload and download run in a child process of their own (this assembly's probe entry
/// point) so the measured working set is that of a process doing only the streaming, as the Functions handler would,
/// not the test runner's (xunit, the Azurite fixture and every loaded test assembly take about 100 MB by themselves).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class LargeMaterialTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const long Size = 200L * 1024 * 1024;
    private const long WorkingSetLimit = 100L * 1024 * 1024;
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task A_200_MB_material_goes_up_and_comes_back_with_the_working_set_under_100_MB()
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // A 64 MB managed-heap ceiling, as on a small instance: buffering the 200 MB material would fail outright, and the GC
        // collects before the heap grows into the working-set budget (without it the gen0 budget alone varies by machine).
        start.Environment["DOTNET_GCHeapHardLimit"] = "0x4000000";
        start.ArgumentList.Add(typeof(LargeMaterialProbe).Assembly.Location);
        start.ArgumentList.Add("large-material");
        start.ArgumentList.Add(azurite.ConnectionString);
        start.ArgumentList.Add(Size.ToString(System.Globalization.CultureInfo.InvariantCulture));

        using var probe = Process.Start(start)!;
        var stdout = probe.StandardOutput.ReadToEndAsync();
        var stderr = probe.StandardError.ReadToEndAsync();
        using (var timeout = new CancellationTokenSource(Limit))
        {
            try
            {
                await probe.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                probe.Kill(entireProcessTree: true);
                throw new TimeoutException($"The probe did not finish within {Limit}.");
            }
        }
        Assert.True(probe.ExitCode == 0, $"probe exited {probe.ExitCode}: {await stderr}{await stdout}");

        var result = JsonSerializer.Deserialize<LargeMaterialProbe.Result>((await stdout).Trim().Split('\n')[^1])!;
        output.WriteLine($"working set: baseline {result.BaselineWorkingSet / 1048576.0:F1} MB, peak {result.PeakWorkingSet / 1048576.0:F1} MB, " +
            $"{result.Bytes / 1048576} MB up and down in {result.Seconds:F1} s");

        Assert.Equal(result.SourceSha256, result.MaterialId);
        Assert.Equal(Size, result.StoredSize);
        Assert.Equal(Size, result.DownloadedBytes);
        Assert.Equal(result.SourceSha256, result.DownloadedSha256);
        Assert.True(result.PeakWorkingSet < WorkingSetLimit, $"The working set peaked at {result.PeakWorkingSet / 1048576.0:F1} MB.");
    }
}
