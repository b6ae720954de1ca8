using Approvals.Azure.Engine;
using Approvals.Azure.Tests.Infrastructure;

namespace Approvals.Azure.Tests.Engine;

/// <summary>Azure Storage stores on the shared Azurite, each with its own uniquely named tables, queues and container.</summary>
internal static class EngineStores
{
    public static AzureStorageOrchestrationStoreOptions FreshOptions(AzuriteFixture azurite)
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        return new AzureStorageOrchestrationStoreOptions
        {
            ConnectionString = azurite.ConnectionString,
            HistoryTable = "History" + suffix,
            InstancesTable = "Instances" + suffix,
            TimersTable = "Timers" + suffix,
            ControlQueue = "control-" + suffix,
            ActivityQueue = "activities-" + suffix,
            PayloadContainer = "payloads-" + suffix,
            TimerScanInterval = TimeSpan.FromMilliseconds(200),
            SweepInterval = TimeSpan.FromSeconds(2),
        };
    }
}
