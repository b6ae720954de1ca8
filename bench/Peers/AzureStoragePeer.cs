using System.Globalization;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.Logging;

namespace Bench.Peers;

/// <summary>
/// Peer 2: the same Microsoft.DurableTask classes on the provider Durable Functions uses in Azure, DTFx
/// <see cref="AzureStorageOrchestrationService"/> (default settings: 4 partitions, Durable Functions' concurrency defaults),
/// here against Azurite on loopback. The classes run inside Microsoft's shims (<see cref="DurableTaskShimFactory"/>), as
/// the in-process Durable Functions extension runs them; scheduling and waiting use the DTFx <see cref="TaskHubClient"/>.
/// Each run uses a fresh task hub and deletes it afterwards.
/// </summary>
public static class AzureStoragePeer
{
    public const string PeerName = "azurestorage";

    /// <summary>Starts Azurite (in memory, loopback, stopped by its pid afterwards) and runs the workload on it.</summary>
    public static async Task<PeerResult> RunAsync(int orchestrations, CancellationToken cancellationToken)
    {
        await using var azurite = await AzuriteProcess.StartAsync();
        return await RunAsync(azurite.ConnectionString, orchestrations, cancellationToken);
    }

    /// <summary>Runs the workload on the storage account of <paramref name="connectionString"/> (an Azurite already running).</summary>
    public static async Task<PeerResult> RunAsync(string connectionString, int orchestrations, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(orchestrations);
        using var loggerFactory = PeerLogging.Quiet();
        var settings = new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = new StorageAccountClientProvider(connectionString),
            // Letters and digits, starts with a letter, at most 45 characters: tables and queues are named after it.
            TaskHubName = "peer" + Guid.NewGuid().ToString("N")[..16],
            LoggerFactory = loggerFactory,
        };
        var service = new AzureStorageOrchestrationService(settings);
        await service.CreateIfNotExistsAsync();
        try
        {
            var shims = new DurableTaskShimFactory(options: null, loggerFactory);
            var worker = new TaskHubWorker(service, loggerFactory);
            worker.AddTaskOrchestrations(new Creator<TaskOrchestration>(FanOutSixOrchestrator.Name,
                () => shims.CreateOrchestration(FanOutSixOrchestrator.Name, new FanOutSixOrchestrator(), parent: null)));
            worker.AddTaskActivities(new Creator<TaskActivity>(DoubleActivity.Name,
                () => shims.CreateActivity(DoubleActivity.Name, new DoubleActivity())));
            await worker.StartAsync();
            try
            {
                return await RunWorkloadAsync(new TaskHubClient(service, loggerFactory: loggerFactory), orchestrations, cancellationToken);
            }
            finally
            {
                await worker.StopAsync(isForced: true);
            }
        }
        finally
        {
            await service.DeleteAsync();
        }
    }

    private static async Task<PeerResult> RunWorkloadAsync(TaskHubClient client, int orchestrations, CancellationToken cancellationToken)
    {
        var prefix = $"fanout6-{Guid.NewGuid():N}-";
        var scheduled = new OrchestrationInstance[orchestrations];
        var firstScheduled = DateTime.UtcNow;
        await Parallel.ForAsync(0, orchestrations, new ParallelOptions { MaxDegreeOfParallelism = PeerLogging.Producers, CancellationToken = cancellationToken },
            async (i, _) => scheduled[i] = await client.CreateOrchestrationInstanceAsync(
                FanOutSixOrchestrator.Name, version: "", TestHostPeer.InstanceId(prefix, i), TestHostPeer.Input(i)));

        // One waiter at a time (each polls the instances table every few seconds): most waits return at once, the waiting
        // adds next to no load to Azurite, and the times come from the backend's own stamps, not from when we looked.
        var instances = new List<(DateTime, DateTime)>(orchestrations);
        for (var i = 0; i < orchestrations; i++)
        {
            var state = await client.WaitForOrchestrationAsync(scheduled[i], TimeSpan.FromMinutes(30), cancellationToken)
                ?? throw new TimeoutException($"{scheduled[i].InstanceId} did not complete.");
            if (state.OrchestrationStatus != OrchestrationStatus.Completed)
            {
                throw new InvalidOperationException($"{state.OrchestrationInstance.InstanceId} ended {state.OrchestrationStatus}: {state.FailureDetails?.ErrorMessage ?? state.Output}");
            }
            var output = int.Parse(state.Output, CultureInfo.InvariantCulture);
            var expected = FanOutSixOrchestrator.Expected(TestHostPeer.Input(i));
            if (output != expected) throw new InvalidOperationException($"{state.OrchestrationInstance.InstanceId} returned {output}, expected {expected}.");
            instances.Add((state.CreatedTime.ToUniversalTime(), state.CompletedTime.ToUniversalTime()));
        }
        return PeerResult.From(PeerName, firstScheduled, instances);
    }

    /// <summary>A DTFx object creator that makes a fresh shim for every episode (a shim keeps per-execution state).</summary>
    private sealed class Creator<T> : ObjectCreator<T>
    {
        private readonly Func<T> create;

        public Creator(string name, Func<T> create)
        {
            Name = name;
            Version = "";
            this.create = create;
        }

        public override T Create() => create();
    }
}
