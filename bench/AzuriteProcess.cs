using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Bench;

/// <summary>
/// Azurite for one benchmark run: started from <c>node_modules/.bin/azurite</c> at the repository root, in memory, on
/// free loopback ports; stopped by its own pid on dispose.
/// </summary>
internal sealed class AzuriteProcess : IAsyncDisposable
{
    private const string Account = "devstoreaccount1";
    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly Process process;
    private readonly string folder;

    private AzuriteProcess(Process process, string folder, string connectionString)
    {
        this.process = process;
        this.folder = folder;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public int ProcessId => process.Id;

    public static async Task<AzuriteProcess> StartAsync()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Serverless.sln"))) root = Path.GetDirectoryName(root.TrimEnd('/')) ?? throw new InvalidOperationException("No Serverless.sln above the benchmark.");
        var azurite = Path.Combine(root, "node_modules", ".bin", "azurite");
        if (!File.Exists(azurite)) throw new InvalidOperationException($"Azurite is not installed at {azurite}: run 'npm ci --no-audit --no-fund' in {root}.");
        var (blob, queue, table) = (FreePort(), FreePort(), FreePort());
        var folder = Directory.CreateTempSubdirectory("bench-azurite-").FullName;
        var start = new ProcessStartInfo(azurite) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
                 {
                     "--inMemoryPersistence", "--loose", "--skipApiVersionCheck", "--disableProductStyleUrl", "--disableTelemetry", "--silent",
                     "--blobHost", "127.0.0.1", "--blobPort", Text(blob), "--queueHost", "127.0.0.1", "--queuePort", Text(queue),
                     "--tableHost", "127.0.0.1", "--tablePort", Text(table),
                 })
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var connection = $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={Key};" +
            $"BlobEndpoint=http://127.0.0.1:{blob}/{Account};QueueEndpoint=http://127.0.0.1:{queue}/{Account};TableEndpoint=http://127.0.0.1:{table}/{Account};";
        var azuriteProcess = new AzuriteProcess(process, folder, connection);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var waited = Stopwatch.StartNew();
        foreach (var port in new[] { blob, queue, table })
        {
            while (true)
            {
                if (process.HasExited) throw new InvalidOperationException($"Azurite exited with code {process.ExitCode}.");
                try
                {
                    using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{Text(port)}/{Account}?comp=list"));
                    break;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    if (waited.Elapsed > TimeSpan.FromSeconds(60)) throw new TimeoutException($"Azurite did not answer on port {port}.");
                    await Task.Delay(100);
                }
            }
        }
        return azuriteProcess;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
