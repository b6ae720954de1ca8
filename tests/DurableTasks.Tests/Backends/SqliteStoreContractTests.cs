using DurableTasks.Backends;
using DurableTasks.Backends.Sqlite;

namespace DurableTasks.Tests.Backends;

public sealed class SqliteStoreContractTests : OrchestrationStoreContract, IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("dt-sqlite-").FullName;

    protected override IOrchestrationStore CreateStore(TimeProvider timeProvider) =>
        new SqliteOrchestrationStore(new SqliteStoreOptions { DatabasePath = Path.Combine(folder, "engine.db") }, timeProvider);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
