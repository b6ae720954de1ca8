using DurableTasks.Backends.Sqlite;
using DurableTasks.CrashWorker;
using DurableTasks.Worker;
using Microsoft.Extensions.DependencyInjection;

// worker --db PATH [--lease-ms N]: serve the drill workload from the store until killed.
if (args.Length >= 3 && args[0] == "worker" && args[1] == "--db")
{
    var leaseMs = args.Length >= 5 && args[3] == "--lease-ms" ? int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) : 1500;
    var store = new SqliteOrchestrationStore(new SqliteStoreOptions { DatabasePath = args[2] });
    var registry = new DurableTaskRegistry();
    DrillWorkload.Register(registry);
    using var services = new ServiceCollection().BuildServiceProvider();
    var lease = TimeSpan.FromMilliseconds(leaseMs);
    using var worker = new DurableTaskWorker(store, registry, services, new DurableTaskWorkerOptions
    {
        OrchestrationLease = lease,
        ActivityLease = lease,
        MaxPollInterval = TimeSpan.FromMilliseconds(20),
    });
    await worker.StartAsync(CancellationToken.None);
    Console.WriteLine("ready");
    await Task.Delay(Timeout.Infinite);
}

Console.Error.WriteLine("usage: DurableTasks.CrashWorker worker --db PATH [--lease-ms N]");
return 2;
