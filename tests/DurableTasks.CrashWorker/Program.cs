using DurableTasks.Backends;
using DurableTasks.Backends.Sqlite;
using DurableTasks.CrashWorker;
using DurableTasks.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// worker --db PATH [--lease-ms N] [--die POINT --after N]: serve the drill workload from a SQLite file until killed;
// with --die the process kills itself right after the Nth call at POINT (after-commit, after-activity-lock).
var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 1; i + 1 < args.Length; i += 2) options[args[i]] = args[i + 1];
if (args.Length < 3 || args[0] != "worker" || !options.TryGetValue("--db", out var path))
{
    Console.Error.WriteLine("usage: DurableTasks.CrashWorker worker --db PATH [--lease-ms N] [--die after-commit|after-activity-lock --after N]");
    return 2;
}

IOrchestrationStore store = new SqliteOrchestrationStore(new SqliteStoreOptions { DatabasePath = path });
if (options.TryGetValue("--die", out var point))
{
    store = new SuicidalStore(store, point, int.Parse(options.GetValueOrDefault("--after", "1"), System.Globalization.CultureInfo.InvariantCulture));
}
var leaseMs = options.TryGetValue("--lease-ms", out var lease) ? int.Parse(lease, System.Globalization.CultureInfo.InvariantCulture) : 1500;
using var services = new ServiceCollection().BuildServiceProvider();
// Warnings and errors go to the console (the drill discards them; a person running a worker by hand sees them).
using var loggerFactory = Microsoft.Extensions.Logging.LoggerFactory.Create(l => l.AddSimpleConsole().SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Warning));
using var worker = new EmbeddedDurableTaskWorker(store, RegisteredTasks.From(DrillWorkload.Register), services, new EmbeddedWorkerOptions
{
    OrchestrationLease = TimeSpan.FromMilliseconds(leaseMs),
    ActivityLease = TimeSpan.FromMilliseconds(leaseMs),
    MaxPollInterval = TimeSpan.FromMilliseconds(20),
}, loggerFactory: loggerFactory);
await worker.StartAsync(CancellationToken.None);
Console.WriteLine("ready");
await Task.Delay(Timeout.Infinite);
return 0;
