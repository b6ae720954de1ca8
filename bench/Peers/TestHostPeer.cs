using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Logging;

namespace Bench.Peers;

/// <summary>
/// Peer 1: the fan-out(6) workload on Microsoft's in-memory backend (<see cref="DurableTaskTestHost"/>, gRPC sidecar in
/// this process). Its dispatchers are capped at <see cref="Environment.ProcessorCount"/> concurrent work items and sleep
/// 500 ms when they find none, so the number depends on <c>DOTNET_PROCESSOR_COUNT</c>: the result carries the count used.
/// </summary>
public static class TestHostPeer
{
    public const string PeerName = "testhost";

    /// <summary>Starts a test host, runs <paramref name="orchestrations"/> fan-out(6) orchestrations, waits for all, stops it.</summary>
    public static async Task<PeerResult> RunAsync(int orchestrations, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(orchestrations);
        // The host logs every call at Information; warnings and errors still reach the console. The options' logger factory
        // reaches only the worker host: the gRPC sidecar is a Host.CreateDefaultBuilder web host with its own console logging,
        // configured from environment variables, so its level is set through one while it is built.
        using var loggerFactory = PeerLogging.Quiet();
        DurableTaskTestHost started;
        using (QuietSidecar())
        {
            started = await DurableTaskTestHost.StartAsync(
                registry => registry.AddOrchestrator<FanOutSixOrchestrator>().AddActivity<DoubleActivity>(),
                new DurableTaskTestHostOptions { LoggerFactory = loggerFactory },
                cancellationToken);
        }
        await using var host = started;
        var client = host.Client;
        var prefix = $"fanout6-{Guid.NewGuid():N}-";
        var firstScheduled = DateTime.UtcNow;
        await Parallel.ForAsync(0, orchestrations, new ParallelOptions { MaxDegreeOfParallelism = PeerLogging.Producers, CancellationToken = cancellationToken },
            async (i, ct) => await client.ScheduleNewOrchestrationInstanceAsync(
                FanOutSixOrchestrator.Name, Input(i), new StartOrchestrationOptions { InstanceId = InstanceId(prefix, i) }, ct));

        // One waiter at a time: the instances finish in about the order they were scheduled, so most waits return at once,
        // and the waiting adds no load to the backend. Times come from the backend's own stamps, not from when we looked.
        var instances = new List<(DateTime, DateTime)>(orchestrations);
        for (var i = 0; i < orchestrations; i++)
        {
            var metadata = await client.WaitForInstanceCompletionAsync(InstanceId(prefix, i), getInputsAndOutputs: true, cancellationToken);
            if (metadata.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
            {
                throw new InvalidOperationException($"{metadata.InstanceId} ended {metadata.RuntimeStatus}: {metadata.FailureDetails?.ErrorMessage}");
            }
            var output = metadata.ReadOutputAs<int>();
            if (output != FanOutSixOrchestrator.Expected(Input(i))) throw new InvalidOperationException($"{metadata.InstanceId} returned {output}, expected {FanOutSixOrchestrator.Expected(Input(i))}.");
            instances.Add((metadata.CreatedAt.UtcDateTime, metadata.LastUpdatedAt.UtcDateTime));
        }
        return PeerResult.From(PeerName, firstScheduled, instances);
    }

    internal static int Input(int i) => i % 1000;

    /// <summary>Sets <c>Logging__LogLevel__Default=Warning</c> (unless the caller set a level) until disposed.</summary>
    private static EnvironmentScope QuietSidecar() => new("Logging__LogLevel__Default", "Warning");

    private sealed class EnvironmentScope : IDisposable
    {
        private readonly string name;
        private readonly bool set;

        public EnvironmentScope(string name, string value)
        {
            this.name = name;
            set = Environment.GetEnvironmentVariable(name) is null;
            if (set) Environment.SetEnvironmentVariable(name, value);
        }

        public void Dispose()
        {
            if (set) Environment.SetEnvironmentVariable(name, null);
        }
    }

    internal static string InstanceId(string prefix, int i) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{prefix}{i:D7}");
}
