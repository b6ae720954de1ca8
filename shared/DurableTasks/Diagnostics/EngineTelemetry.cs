using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace DurableTasks.Diagnostics;

/// <summary>The engine's spans and counters ("DurableTasks"), for OpenTelemetry or dotnet-counters.</summary>
public static class EngineTelemetry
{
    /// <summary>The name of the activity source and meter.</summary>
    public const string Name = "DurableTasks";

    /// <summary>Spans: one per orchestration episode and per activity execution.</summary>
    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    internal static readonly Counter<long> Episodes = Meter.CreateCounter<long>("durabletasks.episodes", description: "Orchestration episodes committed");
    internal static readonly Counter<long> ActivitiesExecuted = Meter.CreateCounter<long>("durabletasks.activities", description: "Activity executions completed");
    internal static readonly Counter<long> TimersScheduled = Meter.CreateCounter<long>("durabletasks.timers", description: "Durable timers scheduled");
    internal static readonly Counter<long> LeasesLost = Meter.CreateCounter<long>("durabletasks.leases_lost", description: "Commits refused because another worker took over");
    internal static readonly Counter<long> Replays = Meter.CreateCounter<long>("durabletasks.replays", description: "Episodes that replayed history from the store (no extended session)");
    internal static readonly Counter<long> SessionMisses = Meter.CreateCounter<long>("durabletasks.session_misses", description: "Episodes the runtime answered RequiresHistory (its session cache had dropped the instance)");
    internal static readonly Counter<long> StoreTransactions = Meter.CreateCounter<long>("durabletasks.store.transactions", description: "Write transactions of the SQLite store's single writer");
    internal static readonly Counter<double> StoreWriterBusyMilliseconds = Meter.CreateCounter<double>("durabletasks.store.writer_busy", "ms", "Time the SQLite store's single writer spent, by operation (the store method, or Commit)");
    internal static readonly Histogram<double> EpisodeMilliseconds = Meter.CreateHistogram<double>("durabletasks.episode.duration", "ms");
    internal static readonly Histogram<double> ActivityMilliseconds = Meter.CreateHistogram<double>("durabletasks.activity.duration", "ms");

    private static long backlog;

    static EngineTelemetry()
    {
        Meter.CreateObservableGauge("durabletasks.backlog", () => Interlocked.Read(ref backlog), description: "Messages waiting, last seen by a worker");
    }

    internal static void ReportBacklog(long value) => Interlocked.Exchange(ref backlog, value);
}
