using DurableTasks.Backends;
using DurableTasks.Backends.Sqlite;
using DurableTasks.CrashWorker;
using DurableTasks.Worker;
using Microsoft.Extensions.DependencyInjection;

// worker --db PATH [--lease-ms N]: serve the drill workload from a SQLite file until killed.
// worker --azure CONNECTION-STRING --suffix NAMES [--lease-ms N]: the same from Azure Storage (see AzureDrill).
var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 1; i + 1 < args.Length; i += 2) options[args[i]] = args[i + 1];
IOrchestrationStore? store = null;
if (args.Length >= 3 && args[0] == "worker")
{
    if (options.TryGetValue("--db", out var path)) store = new SqliteOrchestrationStore(new SqliteStoreOptions { DatabasePath = path });
    else if (options.TryGetValue("--azure", out var connection) && options.TryGetValue("--suffix", out var suffix))
        store = new Approvals.Azure.Engine.AzureStorageOrchestrationStore(AzureDrill.Options(connection, suffix));
}
if (store is null)
{
    Console.Error.WriteLine("usage: DurableTasks.CrashWorker worker (--db PATH | --azure CONNECTION-STRING --suffix NAMES) [--lease-ms N]");
    return 2;
}

var leaseMs = options.TryGetValue("--lease-ms", out var lease) ? int.Parse(lease, System.Globalization.CultureInfo.InvariantCulture) : 1500;
var registry = new DurableTaskRegistry();
DrillWorkload.Register(registry);
using var services = new ServiceCollection().BuildServiceProvider();
using var worker = new DurableTaskWorker(store, registry, services, new DurableTaskWorkerOptions
{
    OrchestrationLease = TimeSpan.FromMilliseconds(leaseMs),
    ActivityLease = TimeSpan.FromMilliseconds(leaseMs),
    MaxPollInterval = TimeSpan.FromMilliseconds(20),
});
await worker.StartAsync(CancellationToken.None);
Console.WriteLine("ready");
await Task.Delay(Timeout.Infinite);
return 0;
