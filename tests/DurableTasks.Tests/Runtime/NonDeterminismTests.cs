using DurableTasks.Abstractions;
using DurableTasks.Backends.InMemory;
using DurableTasks.Client;
using DurableTasks.Time;
using DurableTasks.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace DurableTasks.Tests.Runtime;

public sealed class NonDeterminismTests
{
    [Fact]
    public async Task Changed_orchestrator_code_fails_the_instance_naming_the_step_and_both_actions()
    {
        var clock = new ControllableTimeProvider(new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero));
        var store = new InMemoryOrchestrationStore(clock);
        var client = new DurableTaskClient(store, clock);
        using var services = new ServiceCollection().BuildServiceProvider();
        var noCache = new DurableTaskWorkerOptions { ExtendedSessionCapacity = 0, MaxPollInterval = TimeSpan.FromMilliseconds(20) };

        var v1 = new DurableTaskRegistry()
            .AddActivityFunc<object?, string>("NotifyHud", (_, _) => "sent")
            .AddActivityFunc<object?, string>("NotifyFire", (_, _) => "sent")
            .AddOrchestratorFunc<object?, string>("Review", async (ctx, _) =>
            {
                await ctx.CallActivityAsync<string>("NotifyHud");
                return await ctx.WaitForExternalEvent<string>("Decision");
            });
        var id = "nd-1";
        using (var worker = new DurableTaskWorker(store, v1, services, noCache, clock))
        {
            await worker.StartAsync(CancellationToken.None);
            await client.ScheduleNewOrchestrationInstanceAsync("Review", null, new StartOrchestrationOptions { InstanceId = id });
            await client.WaitForInstanceAsync(id, _ => store.GetHistoryAsync(id).Result.OfType<History.TaskCompletedEvent>().Any(), Tests.Infrastructure.EngineHarness.Timeout());
            await worker.StopAsync(CancellationToken.None);
        }

        // The code is changed under a running instance: the first step now calls another activity.
        var v2 = new DurableTaskRegistry()
            .AddActivityFunc<object?, string>("NotifyHud", (_, _) => "sent")
            .AddActivityFunc<object?, string>("NotifyFire", (_, _) => "sent")
            .AddOrchestratorFunc<object?, string>("Review", async (ctx, _) =>
            {
                await ctx.CallActivityAsync<string>("NotifyFire");
                return await ctx.WaitForExternalEvent<string>("Decision");
            });
        using (var worker = new DurableTaskWorker(store, v2, services, noCache, clock))
        {
            await worker.StartAsync(CancellationToken.None);
            await client.RaiseEventAsync(id, "Decision", "approve");
            var done = await client.WaitForInstanceCompletionAsync(id, Tests.Infrastructure.EngineHarness.Timeout());
            await worker.StopAsync(CancellationToken.None);

            Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
            Assert.Equal(typeof(NonDeterministicOrchestrationException).FullName, done.FailureDetails!.ErrorType);
            Assert.Contains("step #0", done.FailureDetails.ErrorMessage);
            Assert.Contains("activity 'NotifyHud'", done.FailureDetails.ErrorMessage);
            Assert.Contains("activity 'NotifyFire'", done.FailureDetails.ErrorMessage);
        }
    }
}
