using Approvals.Azure.Engine;
using Approvals.Azure.Tests.Infrastructure;
using DurableTasks.Abstractions;
using DurableTasks.Tests.Infrastructure;

namespace Approvals.Azure.Tests.Engine;

/// <summary>Behaviour of the Azure Storage store beyond the shared contract: what it leaves behind and how it recovers.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureStorageStoreTests(AzuriteFixture azurite)
{
    private Task<EngineHarness> StartAsync(Action<DurableTasks.Worker.DurableTaskRegistry> register, AzureStorageOrchestrationStoreOptions? options = null) =>
        EngineHarness.StartAsync(clock => new AzureStorageOrchestrationStore(options ?? EngineStores.FreshOptions(azurite), clock), register);

    [Fact]
    public async Task A_finished_fan_out_leaves_no_message_request_or_outbox_row_behind()
    {
        await using var h = await StartAsync(r => r
            .AddActivityFunc<int, int>("Square", (_, x) => x * x)
            .AddOrchestratorFunc<int, int>("FanOut", async (ctx, n) => (await Task.WhenAll(Enumerable.Range(1, n).Select(i => ctx.CallActivityAsync<int>("Square", i)))).Sum()));

        var id = await h.Client.ScheduleNewOrchestrationInstanceAsync("FanOut", 10);
        var done = await h.Client.WaitForInstanceCompletionAsync(id, EngineHarness.Timeout());

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal((0L, 0L), await h.Store.GetBacklogAsync());
    }
}
