using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Approvals.Functions.Tests.Durability;

/// <summary>
/// The built app (<c>dotnet Approvals.Functions.dll</c>) as its own process on a free 127.0.0.1 port, in Development,
/// on a data folder that outlives the process: start it, kill it with SIGKILL, start it again on the same data.
/// </summary>
public sealed class AppProcess : IDisposable
{
    private readonly Dictionary<string, string> environment;
    private readonly ConcurrentQueue<string> lastLines = new();
    private Process? process;

    public AppProcess(string dataFolder, IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        DataFolder = dataFolder;
        WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory;
        Port = FreePort();
        this.environment = new Dictionary<string, string>(environment ?? new Dictionary<string, string>());
        BaseAddress = new Uri($"http://127.0.0.1:{Port}");
    }

    public string DataFolder { get; }

    public string WorkingDirectory { get; }

    public int Port { get; }

    public Uri BaseAddress { get; }

    public int Starts { get; private set; }

    public bool HasExited => process is null || process.HasExited;

    /// <summary>The last lines the app wrote (stdout and stderr), for a failure message.</summary>
    public string Output => string.Join('\n', lastLines);

    /// <summary>Sets an environment variable for the next start (e.g. the virtual clock's start after a restart).</summary>
    public void Set(string name, string value) => environment[name] = value;

    public void Start()
    {
        if (process is { HasExited: false }) throw new InvalidOperationException("the app is already running");
        process?.Dispose();
        var info = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Approvals.Functions.dll"), "--urls", BaseAddress.ToString().TrimEnd('/')])
        {
            WorkingDirectory = WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["Storage__Path"] = DataFolder;
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in environment) info.Environment[name] = value;
        process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Starts++;
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing, as when the machine's OOM killer or a power cut ends it.</summary>
    public async Task KillAsync()
    {
        if (process is null || process.HasExited) return;
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    /// <summary>Polls <c>/api/health</c> until it answers 200, the process dies, or <paramref name="timeout"/> passes.</summary>
    public async Task WaitHealthyAsync(HttpClient http, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (true)
        {
            if (HasExited) throw new Xunit.Sdk.XunitException($"the app exited with {process?.ExitCode}:\n{Output}");
            try
            {
                using var response = await http.GetAsync(new Uri(BaseAddress, "/api/health"), cancel.Token);
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
            }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested)
            {
                throw new Xunit.Sdk.XunitException($"the app was not healthy within {timeout}:\n{Output}");
            }
            catch (OperationCanceledException)
            {
            }
            await Task.Delay(50, CancellationToken.None);
        }
    }

    /// <summary>Waits for a line of output containing <paramref name="text"/>.</summary>
    public async Task<string> WaitForOutputAsync(string text, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (!cancel.IsCancellationRequested)
        {
            if (lastLines.FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal)) is { } line) return line;
            await Task.Delay(50, CancellationToken.None);
        }
        throw new Xunit.Sdk.XunitException($"the app never wrote '{text}' within {timeout}; it wrote:\n{Output}");
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lastLines.Enqueue(line);
        while (lastLines.Count > 200) lastLines.TryDequeue(out _);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        process?.Dispose();
    }
}
