using System.Diagnostics;
using System.Text.Json;
using Approvals.Functions.Tests.Infrastructure;

namespace Approvals.Functions.Tests.Hosting;

/// <summary>The deployable folder is what the Functions host expects, and every function has a route in the handler.</summary>
public sealed class PackageLayoutTests : IDisposable
{
    private readonly string output = Directory.CreateTempSubdirectory("approvals-package-").FullName;

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Serverless.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Serverless.sln not found above the test folder.");
    }

    [Fact]
    public async Task Package_script_assembles_host_json_function_folders_and_the_linux_handler()
    {
        var root = RepoRoot();
        var info = new ProcessStartInfo("bash", [Path.Combine(root, "package.sh"), output]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        Assert.True(process.ExitCode == 0, await stdout + await stderr);

        Assert.True(File.Exists(Path.Combine(output, "host.json")));
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "host.json")));
        var executable = host.RootElement.GetProperty("customHandler").GetProperty("description").GetProperty("defaultExecutablePath").GetString()!;
        Assert.True(File.Exists(Path.Combine(output, executable)), $"host.json names {executable}, which the package lacks");
        foreach (var folder in Directory.GetDirectories(Path.Combine(root, "functions")).Where(d => File.Exists(Path.Combine(d, "function.json"))))
        {
            Assert.True(File.Exists(Path.Combine(output, Path.GetFileName(folder), "function.json")), $"{Path.GetFileName(folder)} missing from the package");
        }
    }

    public void Dispose() => Directory.Delete(output, recursive: true);
}
