using DurableTasks.Backends;
using DurableTasks.Backends.Sqlite;
using DurableTasks.Client;
using DurableTasks.DependencyInjection;
using DurableTasks.Time;
using DurableTasks.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using P = Microsoft.DurableTask.Protobuf;

namespace DurableTasks.Tests.Infrastructure;

/// <summary>A SQLite file, a worker, a client and a virtual clock, started together for one test.</summary>
public sealed class EngineHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Epoch = new(2026, 9, 28, 1, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider services;
    private readonly string folder;

    private EngineHarness(string folder, FakeTimeProvider time, SqliteOrchestrationStore store, EmbeddedDurableTaskWorker worker, ServiceProvider services)
    {
        this.folder = folder;
        Time = time;
        Store = store;
        Worker = worker;
        this.services = services;
        Clock = new VirtualClock(time, store);
        Client = new EmbeddedDurableTaskClient(store, time, DurableTaskServiceCollectionExtensions.WebJsonConverter);
    }

    public FakeTimeProvider Time { get; }
    public VirtualClock Clock { get; }
    public SqliteOrchestrationStore Store { get; }
    public EmbeddedDurableTaskWorker Worker { get; }
    public EmbeddedDurableTaskClient Client { get; }

    /// <summary>A wall-time bound so a broken engine fails the test instead of hanging it.</summary>
    public static CancellationToken Timeout(int seconds = 30) => new CancellationTokenSource(TimeSpan.FromSeconds(seconds)).Token;

    public static async Task<EngineHarness> StartAsync(
        Action<DurableTaskRegistry> register,
        EmbeddedWorkerOptions? options = null,
        Action<IServiceCollection>? configureServices = null,
        string? folder = null)
    {
        // A test may hand over a folder holding a file written earlier; the harness deletes it when disposed.
        folder ??= Directory.CreateTempSubdirectory("engine-").FullName;
        var time = new FakeTimeProvider(Epoch);
        var store = new SqliteOrchestrationStore(new SqliteStoreOptions { DatabasePath = Path.Combine(folder, "durable.db") }, time);
        await store.InitializeAsync();
        var collection = new ServiceCollection();
        configureServices?.Invoke(collection);
        var services = collection.BuildServiceProvider();
        var worker = new EmbeddedDurableTaskWorker(store, RegisteredTasks.From(register), services,
            options ?? new EmbeddedWorkerOptions { MaxPollInterval = TimeSpan.FromMilliseconds(50) }, time, DurableTaskServiceCollectionExtensions.WebJsonConverter);
        var harness = new EngineHarness(folder, time, store, worker, services);
        await worker.StartAsync(CancellationToken.None);
        return harness;
    }

    public async Task<IReadOnlyList<P.HistoryEvent>> WaitForHistoryAsync(string instanceId, Func<IReadOnlyList<P.HistoryEvent>, bool> condition, CancellationToken cancellation = default)
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
        WaitForHistoryAsync(instanceId, h => h.Of(P.HistoryEvent.EventTypeOneofCase.TimerCreated).Count() >= count);

    public async ValueTask DisposeAsync()
    {
        await Worker.StopAsync(CancellationToken.None);
        Worker.Dispose();
        await services.DisposeAsync();
        await Store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
