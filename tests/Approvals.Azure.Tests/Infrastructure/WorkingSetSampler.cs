using System.Diagnostics;

namespace Approvals.Azure.Tests.Infrastructure;

/// <summary>Samples this process's working set in the background (every 20 ms) and keeps the peak.</summary>
internal sealed class WorkingSetSampler : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task sampling;
    private long peak;

    public WorkingSetSampler()
    {
        Baseline = Current();
        peak = Baseline;
        sampling = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var now = Current();
                if (now > Interlocked.Read(ref peak)) Interlocked.Exchange(ref peak, now);
                try
                {
                    await Task.Delay(20, stop.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        });
    }

    public long Baseline { get; }

    public long Peak => Math.Max(Interlocked.Read(ref peak), Current());

    public static long Current()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await sampling;
        stop.Dispose();
    }
}
