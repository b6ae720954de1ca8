using System.Diagnostics;

namespace Approvals.Functions.Tests.Demo;

/// <summary>
/// <c>dotnet run --project functions/Approvals.Functions -- demo</c> plays the whole story through the public API, as a
/// newcomer runs it: a separate process, its own data folder, exit code 0 and the story's last lines printed.
/// </summary>
public sealed class DemoCommandTests : IDisposable
{
    private readonly string workingDirectory = Directory.CreateTempSubdirectory("approvals-demo-").FullName;

    [Fact]
    public async Task Demo_plays_every_chapter_to_the_certified_joint_acceptance_and_writes_its_report()
    {
        var info = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Approvals.Functions.dll"), "demo"])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);

        var text = await output;
        Assert.True(process.ExitCode == 0, $"the demo exited {process.ExitCode}:\n{text}\n{await errors}");
        Assert.Contains("一次性告知 one-time notice", text, StringComparison.Ordinal);
        Assert.Contains("red light, escalated", text, StringComparison.Ordinal);
        Assert.Contains("false commitment", text, StringComparison.Ordinal);
        Assert.Contains("commitment route refused", text, StringComparison.Ordinal);
        Assert.Contains("accepted means certified", text, StringComparison.Ordinal);
        var report = Directory.GetFiles(Path.Combine(workingDirectory, ".data"), "demo-report.html", SearchOption.AllDirectories);
        Assert.Contains("<html", await File.ReadAllTextAsync(Assert.Single(report)), StringComparison.OrdinalIgnoreCase);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(workingDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
