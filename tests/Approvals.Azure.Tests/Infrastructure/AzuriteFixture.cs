using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Approvals.Azure.Storage;

namespace Approvals.Azure.Tests.Infrastructure;

/// <summary>
/// Starts one Azurite (Blob, Queue, Table) for every Azure test: from <c>node_modules/.bin/azurite</c> at the repository
/// root, in memory, bound to 127.0.0.1 on free ports, with its API version check on: the clients pin a REST version
/// Azurite accepts (<see cref="StorageClientDefaults"/>), and these tests prove it. Waits (bounded, polling) until all three
/// services answer and stops the process it started, by its own pid, on dispose. Missing Azurite fails the tests
/// loudly: run <c>npm ci</c> at the repository root.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartupLimit = TimeSpan.FromSeconds(60);
    private readonly StringBuilder output = new();
    private Process? process;
    private string? workFolder;

    public int BlobPort { get; private set; }

    public int QueuePort { get; private set; }

    public int TablePort { get; private set; }

    /// <summary>A connection string with Azurite's path-style endpoints on this instance's ports.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>Azurite's well-known development account.</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";

    /// <summary>Azurite's well-known development key (public, documented, not a secret).</summary>
    public const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>This Azurite as the app's stores reach it.</summary>
    public StorageAccount Account => StorageAccount.FromConnectionString(ConnectionString);

    public async Task InitializeAsync()
    {
        var root = FindRepositoryRoot();
        var azurite = Path.Combine(root, "node_modules", ".bin", "azurite");
        if (!File.Exists(azurite))
            throw new InvalidOperationException($"Azurite is not installed at {azurite}. Run 'npm ci --no-audit --no-fund' in {root} (./test.sh does it).");

        (BlobPort, QueuePort, TablePort) = (FreePort(), FreePort(), FreePort());
        workFolder = Directory.CreateTempSubdirectory("azurite-").FullName;
        var start = new ProcessStartInfo(azurite)
        {
            WorkingDirectory = workFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "--inMemoryPersistence", "--loose", "--disableProductStyleUrl", "--disableTelemetry", "--silent",
                     "--blobHost", "127.0.0.1", "--blobPort", BlobPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--queueHost", "127.0.0.1", "--queuePort", QueuePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--tableHost", "127.0.0.1", "--tablePort", TablePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                 })
        {
            start.ArgumentList.Add(argument);
        }
        process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        process.OutputDataReceived += (_, e) => Capture(e.Data);
        process.ErrorDataReceived += (_, e) => Capture(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        const string account = DevelopmentAccountName;
        ConnectionString = $"DefaultEndpointsProtocol=http;AccountName={account};AccountKey={DevelopmentAccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{account};QueueEndpoint=http://127.0.0.1:{QueuePort}/{account};TableEndpoint=http://127.0.0.1:{TablePort}/{account};";

        await WaitUntilAnsweringAsync();
    }

    private async Task WaitUntilAnsweringAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        foreach (var port in new[] { BlobPort, QueuePort, TablePort })
        {
            while (true)
            {
                if (process!.HasExited)
                    throw new InvalidOperationException($"Azurite exited with code {process.ExitCode} before answering:\n{Captured()}");
                try
                {
                    // Any HTTP answer (even 400/403 for an unsigned request) means the service is listening.
                    using var response = await http.GetAsync($"http://127.0.0.1:{port}/{DevelopmentAccountName}?comp=list");
                    break;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    if (deadline.Elapsed > StartupLimit)
                        throw new TimeoutException($"Azurite did not answer on port {port} within {StartupLimit.TotalSeconds} s:\n{Captured()}");
                    await Task.Delay(100);
                }
            }
        }
    }

    public async Task DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process?.Dispose();
        if (workFolder is not null && Directory.Exists(workFolder)) Directory.Delete(workFolder, recursive: true);
    }

    /// <summary>A storage name no other test uses: lower-case letters and digits, starting with a letter.</summary>
    public static string UniqueName(string prefix) => (prefix + Guid.NewGuid().ToString("N")[..12]).ToLowerInvariant();

    private void Capture(string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
    }

    private string Captured()
    {
        lock (output) return output.ToString();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Serverless.sln"))) return folder.FullName;
        }
        throw new InvalidOperationException($"No Serverless.sln above {AppContext.BaseDirectory}.");
    }
}

/// <summary>Every test class against Azurite joins this collection and shares one Azurite process.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
