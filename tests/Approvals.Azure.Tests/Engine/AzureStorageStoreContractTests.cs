using Approvals.Azure.Engine;
using Approvals.Azure.Tests.Infrastructure;
using DurableTasks.Backends;
using DurableTasks.Tests.Backends;

namespace Approvals.Azure.Tests.Engine;

/// <summary>The engine's full store contract suite (the one SQLite and in-memory pass) against the Azure Storage store on Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureStorageStoreContractTests(AzuriteFixture azurite) : OrchestrationStoreContract
{
    protected override IOrchestrationStore CreateStore(TimeProvider timeProvider) =>
        new AzureStorageOrchestrationStore(EngineStores.FreshOptions(azurite), timeProvider);
}
