using DurableTasks.Backends;
using DurableTasks.Backends.InMemory;

namespace DurableTasks.Tests.Backends;

public sealed class InMemoryStoreContractTests : OrchestrationStoreContract
{
    protected override IOrchestrationStore CreateStore(TimeProvider timeProvider) => new InMemoryOrchestrationStore(timeProvider);
}
