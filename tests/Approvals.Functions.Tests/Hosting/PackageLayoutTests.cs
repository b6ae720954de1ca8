using System.Diagnostics;
using System.Text.Json;
using Approvals.Functions.Tests.Infrastructure;

namespace Approvals.Functions.Tests.Hosting;

/// <summary>The deployable zip is what the Functions host expects of an isolated worker.</summary>
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
    public async Task Package_script_zips_the_isolated_worker_with_its_function_metadata_and_extensions()
    {
        var root = RepoRoot();
        var info = new ProcessStartInfo("bash", [Path.Combine(root, "package.sh"), Path.Combine(output, "app")]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // A guard against a hung publish, not a timing: a cold publish on 2 busy cores has taken over 5 minutes.
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(12));
        Assert.True(process.ExitCode == 0, await stdout + await stderr);

        var app = Path.Combine(output, "app");
        foreach (var required in new[] { "host.json", "functions.metadata", "extensions.json", "Approvals.Functions.dll", "worker.config.json", "wwwroot/portal/index.html" })
        {
            Assert.True(File.Exists(Path.Combine(app, required)), $"{required} missing from the package");
        }
        Assert.True(Directory.Exists(Path.Combine(app, ".azurefunctions")), ".azurefunctions/ missing from the package");
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(app, "host.json")));
        Assert.False(host.RootElement.TryGetProperty("customHandler", out _));
        using var zip = System.IO.Compression.ZipFile.OpenRead(Path.Combine(output, "app.zip"));
        Assert.Contains(zip.Entries, e => e.FullName == "functions.metadata");
    }

    public void Dispose() => Directory.Delete(output, recursive: true);
}
