using Approvals.Applications;
using Approvals.Calls;
using Approvals.Orchestrations;
using Approvals.Stores;
using Approvals.Tests.Orchestrations;
using DurableTasks.Backends.Sqlite;
using DurableTasks.Client;
using DurableTasks.DependencyInjection;
using DurableTasks.Time;
using DurableTasks.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Approvals.Tests.Calls;

/// <summary>
/// Calls on the embedded engine (SQLite) with the embedded stores and a controllable clock starting Monday 2026-09-28
/// 09:00 Shanghai, the week before National Day.
/// </summary>
public sealed class CallHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Monday = new(2026, 9, 28, 9, 0, 0, TimeSpan.FromHours(8));
    public const string Uscc = "91350100M000100Y43";

    private readonly string folder = Directory.CreateTempSubdirectory("calls-").FullName;
    private readonly ServiceProvider services;
    private readonly SqliteOrchestrationStore store;

    public CallHarness()
    {
        Clock = new FakeTimeProvider(Monday);
        Calendar = CalendarDeadlineCalculator.FromEmbeddedData();
        store = new SqliteOrchestrationStore(new SqliteStoreOptions { DatabasePath = Path.Combine(folder, "engine.db") }, Clock);
        Client = new EmbeddedDurableTaskClient(store, Clock, Approvals.Json.PayloadJson.Converter);
        VirtualClock = new VirtualClock(Clock, store);
        services = ApprovalHarness.EmbeddedServices(folder, Clock, Calendar).BuildServiceProvider();
        Worker = new EmbeddedDurableTaskWorker(store, RegisteredTasks.From(r => ApprovalWorkflow.Register(r)), services,
            new EmbeddedWorkerOptions { MaxPollInterval = TimeSpan.FromMilliseconds(20) }, Clock, Approvals.Json.PayloadJson.Converter);
        Planner = new CallPlanner(CallPolicy.Embedded, Calendar);
    }

    public FakeTimeProvider Clock { get; }
    public VirtualClock VirtualClock { get; }
    public IDeadlineCalculator Calendar { get; }
    public EmbeddedDurableTaskClient Client { get; }
    public EmbeddedDurableTaskWorker Worker { get; }
    public CallPlanner Planner { get; }
    public IKeyedRecords Records => services.GetRequiredService<IKeyedRecords>();
    public CallCommands Commands => new(Client, Clock);
    public CallQueries Queries => new(Client, CallPolicy.Embedded);

    public async Task StartAsync()
    {
        await store.InitializeAsync();
        await Worker.StartAsync(CancellationToken.None);
    }

    /// <summary>Registers a call now and starts its orchestration.</summary>
    public async Task<string> RegisterAsync(string id, CallRequest request)
    {
        var plan = Planner.Plan(id, Uscc, request, Clock.GetUtcNow()).Plan ?? throw new Xunit.Sdk.XunitException("call refused");
        await Client.ScheduleNewOrchestrationInstanceAsync(CallOrchestrator.Name, plan, new StartOrchestrationOptions { InstanceId = id });
        return id;
    }

    public static CallRequest Request(string? unit = "HUD", bool majorUrgent = false, string? topic = null) => new()
    {
        Title = "施工许可现场核查时间冲突",
        Description = "现场核查与消防检查同日 / the site check clashes with the fire inspection",
        Unit = unit,
        Topic = topic,
        MajorUrgent = majorUrgent,
    };

    public async Task<CallStatusView> WaitForAsync(string id, Func<CallStatusView, bool> condition)
    {
        var timeout = ApprovalHarness.Timeout();
        var metadata = await Client.WaitForInstanceAsync(id, m => m.ReadCustomStatusAs<CallStatusView>() is { } v && condition(v) || m.IsCompleted, timeout);
        var view = metadata.ReadCustomStatusAs<CallStatusView>();
        if (view is null || !condition(view))
        {
            throw new Xunit.Sdk.XunitException($"Call {id} ended {metadata.RuntimeStatus} ({metadata.FailureDetails}) before the expected state; last status: {metadata.SerializedCustomStatus}");
        }
        return view;
    }

    /// <summary>Moves the clock to a moment; every timer due on the way fires on its own date, and the engine drains.</summary>
    public Task AdvanceToAsync(DateTimeOffset moment) => VirtualClock.AdvanceToAsync(moment, ApprovalHarness.Timeout());

    public async ValueTask DisposeAsync()
    {
        await Worker.StopAsync(CancellationToken.None);
        Worker.Dispose();
        await store.DisposeAsync();
        await services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
