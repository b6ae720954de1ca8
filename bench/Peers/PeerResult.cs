using System.Globalization;

namespace Bench.Peers;

/// <summary>
/// One peer run of the fan-out(6) workload. <see cref="Elapsed"/> runs from the first schedule to the last completion
/// (the backend's own completion stamp, on this machine's clock); latencies are the backend's created → completed stamps.
/// </summary>
public sealed record PeerResult(string Peer, int Orchestrations, TimeSpan Elapsed, double P50Ms, double P99Ms, int ProcessorCount)
{
    /// <summary>Completed orchestrations per wall second, first schedule to last completion.</summary>
    public double PerSecond => Orchestrations / Elapsed.TotalSeconds;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Peer}: fan-out(6) {Orchestrations} in {Elapsed.TotalSeconds:F2}s = {PerSecond:F1}/s, p50 {P50Ms:F0} ms, p99 {P99Ms:F0} ms, processor count {ProcessorCount}");

    /// <summary>The result from the first schedule's time and each instance's (created, completed) stamps.</summary>
    internal static PeerResult From(string peer, DateTime firstScheduledUtc, IReadOnlyList<(DateTime CreatedUtc, DateTime CompletedUtc)> instances)
    {
        var latencies = instances.Select(i => (i.CompletedUtc - i.CreatedUtc).TotalMilliseconds).Order().ToList();
        var last = instances.Max(i => i.CompletedUtc);
        return new PeerResult(peer, instances.Count, last - firstScheduledUtc, Percentile(latencies, 0.50), Percentile(latencies, 0.99), Environment.ProcessorCount);
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
