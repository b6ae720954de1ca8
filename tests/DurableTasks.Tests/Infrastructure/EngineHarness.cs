using DurableTasks.Backends;
using DurableTasks.Client;
using DurableTasks.History;
using DurableTasks.Time;
using DurableTasks.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace DurableTasks.Tests.Infrastructure;

/// <summary>A store, a worker, a client and a controllable clock, started together for one test.</summary>
public sealed class EngineHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Epoch = new(2026, 9, 28, 1, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider services;
    private readonly CancellationTokenSource stop = new();

    private EngineHarness(ControllableTimeProvider clock, IOrchestrationStore store, DurableTaskWorker worker, ServiceProvider services)
    {
        Clock = clock;
        Store = store;
        Worker = worker;
        this.services = services;
        Client = new DurableTaskClient(store, clock);
    }

    public ControllableTimeProvider Clock { get; }
    public IOrchestrationStore Store { get; }
    public DurableTaskWorker Worker { get; }
    public DurableTaskClient Client { get; }

    /// <summary>A real-time bound so a broken engine fails the test instead of hanging it.</summary>
    public static CancellationToken Timeout(int seconds = 30) => new CancellationTokenSource(TimeSpan.FromSeconds(seconds)).Token;

    public static async Task<EngineHarness> StartAsync(
        Func<TimeProvider, IOrchestrationStore> storeFactory,
        Action<DurableTaskRegistry> register,
        DurableTaskWorkerOptions? options = null,
        Action<IServiceCollection>? configureServices = null)
    {
        var clock = new ControllableTimeProvider(Epoch);
        var store = storeFactory(clock);
        await store.InitializeAsync();
        var collection = new ServiceCollection();
        configureServices?.Invoke(collection);
        var services = collection.BuildServiceProvider();
        var registry = new DurableTaskRegistry();
        register(registry);
        var worker = new DurableTaskWorker(store, registry, services, options ?? new DurableTaskWorkerOptions { MaxPollInterval = TimeSpan.FromMilliseconds(50) }, clock);
        var harness = new EngineHarness(clock, store, worker, services);
        await worker.StartAsync(CancellationToken.None);
        return harness;
    }

    public async Task<IReadOnlyList<HistoryEvent>> WaitForHistoryAsync(string instanceId, Func<IReadOnlyList<HistoryEvent>, bool> condition, CancellationToken cancellation = default)
    {
        var token = cancellation.CanBeCanceled ? cancellation : Timeout();
        while (true)
        {
            var wake = Store.Signal.Next;
            var history = await Store.GetHistoryAsync(instanceId, token);
            if (condition(history)) return history;
            try
            {
                await wake.WaitAsync(TimeSpan.FromMilliseconds(100), token);
            }
            catch (TimeoutException)
            {
            }
        }
    }

    /// <summary>Waits until the instance has created <paramref name="count"/> timers in its current execution.</summary>
    public Task WaitForTimersAsync(string instanceId, int count = 1) =>
        WaitForHistoryAsync(instanceId, h => h.OfType<TimerCreatedEvent>().Count() >= count);

    public async ValueTask DisposeAsync()
    {
        await Worker.StopAsync(CancellationToken.None);
        Worker.Dispose();
        await services.DisposeAsync();
        if (Store is IAsyncDisposable disposable) await disposable.DisposeAsync();
        stop.Dispose();
    }
}
