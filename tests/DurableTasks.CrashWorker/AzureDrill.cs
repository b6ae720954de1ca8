using Approvals.Azure.Engine;

namespace DurableTasks.CrashWorker;

/// <summary>The drill on Azure Storage (Azurite): names unique to one drill; short recovery intervals so a killed worker's work moves on quickly.</summary>
public static class AzureDrill
{
    public static AzureStorageOrchestrationStoreOptions Options(string connectionString, string suffix) => new()
    {
        ConnectionString = connectionString,
        HistoryTable = "DrillHistory" + suffix,
        InstancesTable = "DrillInstances" + suffix,
        TimersTable = "DrillTimers" + suffix,
        ControlQueue = "drill-control-" + suffix,
        ActivityQueue = "drill-activities-" + suffix,
        PayloadContainer = "drill-payloads-" + suffix,
        SweepInterval = TimeSpan.FromSeconds(2),
    };

    /// <summary>
    /// A drill backend. <paramref name="leaseMs"/> is the workers' lease: it must cover an activity's run plus recording its
    /// result on a busy emulator, or a live worker's requests time out and run again and again.
    /// </summary>
    public static DrillBackend Backend(string connectionString, string? suffix = null, int leaseMs = 4000)
    {
        suffix ??= Guid.NewGuid().ToString("N")[..10];
        return new DrillBackend(
            () => new AzureStorageOrchestrationStore(Options(connectionString, suffix)),
            ["--azure", connectionString, "--suffix", suffix, "--lease-ms", leaseMs.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
    }
}
