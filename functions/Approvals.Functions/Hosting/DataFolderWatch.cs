using Microsoft.Extensions.Options;

namespace Approvals.Functions.Hosting;

/// <summary>
/// Checks that the embedded data folder can be written, at startup and then every few seconds while it cannot.
/// A folder that cannot be written (read-only mount, permissions, missing volume) is one clear log line naming it,
/// not a host that fails to start: reads that need no write keep answering, writes answer 503 naming the store,
/// <c>/api/health</c> names the folder, and one more line says when it can be written again.
/// </summary>
public sealed class DataFolderWatch(IOptions<StorageOptions> storage, ILogger<DataFolderWatch> logger) : BackgroundService, IHealthProbe
{
    /// <summary>How often a folder that cannot be written is checked again (wall time: infrastructure, not business time).</summary>
    public static readonly TimeSpan RecheckInterval = TimeSpan.FromSeconds(2);

    private volatile string? problem;

    public string Folder { get; } = Path.GetFullPath(storage.Value.Path);

    public string Name => "data-folder";

    public Task<(bool Ok, string Detail)> CheckAsync(CancellationToken cancellation) =>
        Task.FromResult(problem is { } p ? (false, $"{Folder} cannot be written: {p}") : (true, Folder));

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        problem = TryWrite();
        if (problem is not null)
        {
            logger.LogError("The data folder {Folder} cannot be written ({Problem}). The app keeps serving reads, answers writes with 503, and checks again every {Interval} s",
                Folder, problem, RecheckInterval.TotalSeconds);
        }
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(RecheckInterval, TimeProvider.System);
        while (problem is not null && await timer.WaitForNextTickAsync(stoppingToken))
        {
            problem = TryWrite();
            if (problem is null) logger.LogWarning("The data folder {Folder} can be written again", Folder);
        }
    }

    /// <summary>Creates the folder and a probe file in it; the failure's message, or null when both worked.</summary>
    private string? TryWrite()
    {
        try
        {
            Directory.CreateDirectory(Folder);
            var probe = Path.Combine(Folder, $".write-probe-{Environment.ProcessId}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ex.Message;
        }
    }
}
