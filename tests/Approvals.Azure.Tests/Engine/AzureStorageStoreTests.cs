using System.Text.Json;
using Approvals.Azure.Engine;
using Approvals.Azure.Queues;
using Approvals.Azure.Tables;
using Approvals.Azure.Tests.Infrastructure;
using DurableTasks.Abstractions;
using DurableTasks.Backends;
using DurableTasks.Client;
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

    [Fact]
    public async Task Ids_with_reserved_characters_work_end_to_end_and_the_prefix_query_keeps_them_apart()
    {
        await using var h = await StartAsync(r => r.AddOrchestratorFunc<string, string>("Echo", (_, s) => Task.FromResult(s + "!")));
        foreach (var id in new[] { "a/1", "a/2", "a#3", "b/1", "a~/4" })
        {
            await h.Client.ScheduleNewOrchestrationInstanceAsync("Echo", id, new StartOrchestrationOptions { InstanceId = id });
        }
        foreach (var id in new[] { "a/1", "a/2", "a#3", "b/1", "a~/4" })
        {
            Assert.Equal(id + "!", (await h.Client.WaitForInstanceCompletionAsync(id, EngineHarness.Timeout())).ReadOutputAs<string>());
        }

        var (page, _) = await h.Client.QueryInstancesAsync(new InstanceQuery { InstanceIdPrefix = "a/" });
        Assert.Equal(["a/1", "a/2"], page.Select(p => p.InstanceId));
        Assert.True(await h.Client.PurgeInstanceAsync("a/1"));
        Assert.Null(await h.Client.GetInstanceAsync("a/1"));
        Assert.NotNull(await h.Client.GetInstanceAsync("a/2"));
    }

    [Fact]
    public async Task A_hint_that_surfaces_before_its_due_time_is_hidden_again_not_dropped()
    {
        var options = EngineStores.FreshOptions(azurite);
        var store = new AzureStorageOrchestrationStore(options, TimeProvider.System);
        await store.InitializeAsync();
        var control = new QueueClient(azurite.ConnectionString, options.ControlQueue);
        // What a 10-day timer's hint looks like when the 7-day queue delay has passed: visible, but not due yet.
        var due = TimeProvider.System.GetUtcNow().AddDays(3);
        await control.SendMessageAsync(JsonSerializer.Serialize(new ControlHint("sleeper", due.UtcTicks), AzureEngineJsonContext.Default.ControlHint));

        Assert.Empty(await store.LockOrchestrationsAsync(10, TimeSpan.FromMinutes(1)));

        Assert.Empty(await control.PeekMessagesAsync(32));
        Assert.Equal(1, await control.GetApproximateMessageCountAsync());
    }

    [Fact]
    public async Task Transactions_are_split_below_the_service_body_limit_that_Azurite_does_not_enforce()
    {
        // Azurite accepts entity-group transactions over 4 MiB; Azure answers 413. The store never sends one.
        var rows = Enumerable.Range(0, 100).Select(i => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
            new TableEntity("p", EngineKeys.History(i)) { { "Data", new string('材', 24 * 1024) } })).ToList();

        var batches = TableBatches.Split(rows).ToList();

        Assert.True(batches.Count > 1);
        Assert.All(batches, b => Assert.True(b.Sum(a => TableBatches.EstimateBytes(a.Entity)) <= TableBatches.MaxBytes));
        Assert.Equal(rows.Select(r => r.Entity.RowKey), batches.SelectMany(b => b).Select(a => a.Entity.RowKey));
    }

    [Fact]
    public async Task An_episode_creating_more_timers_than_a_transaction_holds_fires_them_all_even_after_a_crash()
    {
        // The worker "dies" right after the commit transaction of the episode that created the timers.
        var crashes = 0;
        await using var h = await EngineHarness.StartAsync(
            clock => new AzureStorageOrchestrationStore(EngineStores.FreshOptions(azurite), clock)
            {
                Fault = p => p == "commit:after-transaction" && Interlocked.Increment(ref crashes) == 1 ? throw new InvalidOperationException("simulated crash") : ValueTask.CompletedTask,
            },
            r => r.AddOrchestratorFunc<object?, int>("ManyTimers", async (ctx, _) =>
            {
                await Task.WhenAll(Enumerable.Range(1, 120).Select(i => ctx.CreateTimer(ctx.CurrentUtcDateTime.AddMinutes(i), CancellationToken.None)));
                return 120;
            }));

        var id = await h.Client.ScheduleNewOrchestrationInstanceAsync("ManyTimers");
        await h.WaitForTimersAsync(id, 120);
        h.Clock.Advance(TimeSpan.FromHours(3));

        var done = await h.Client.WaitForInstanceCompletionAsync(id, EngineHarness.Timeout(60));
        Assert.Equal(120, done.ReadOutputAs<int>());
        Assert.Equal(120, (await h.Client.GetHistoryAsync(id)).OfType<DurableTasks.History.TimerFiredEvent>().Count());
        Assert.Equal((0L, 0L), await h.Store.GetBacklogAsync());
    }
}
