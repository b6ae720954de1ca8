using Approvals.Activities;
using Approvals.Applications;
using Approvals.Notifications;
using Approvals.Orchestrations;
using Approvals.Stores;
using Approvals.Stores.Embedded;
using DurableTasks.Backends.Sqlite;
using DurableTasks.Client;
using DurableTasks.DependencyInjection;
using Microsoft.DurableTask;
using Microsoft.Extensions.Time.Testing;
using DurableTasks.Time;
using DurableTasks.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Approvals.Tests.Orchestrations;

/// <summary>
/// The approval workflow on the embedded engine (SQLite) with real embedded stores and a controllable clock
/// that starts on Monday 2026-09-28 09:00 in Shanghai, the week before National Day.
/// </summary>
public sealed class ApprovalHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Monday = new(2026, 9, 28, 9, 0, 0, TimeSpan.FromHours(8));

    private readonly string folder = Directory.CreateTempSubdirectory("approval-").FullName;
    private readonly ServiceProvider services;
    private readonly SqliteOrchestrationStore store;

    public ApprovalHarness()
    {
        Clock = new FakeTimeProvider(Monday);
        Calendar = new SwitchableCalendar(CalendarDeadlineCalculator.FromEmbeddedData());
        services = EmbeddedServices(folder, Clock, Calendar).BuildServiceProvider();
        store = new SqliteOrchestrationStore(new SqliteStoreOptions { DatabasePath = Path.Combine(folder, "engine.db") }, Clock);
        Client = new EmbeddedDurableTaskClient(store, Clock, Approvals.Json.PayloadJson.Converter);
        VirtualClock = new VirtualClock(Clock, store);
        Worker = new EmbeddedDurableTaskWorker(store, RegisteredTasks.From(r => ApprovalWorkflow.Register(r)), services,
            new EmbeddedWorkerOptions { MaxPollInterval = TimeSpan.FromMilliseconds(20) }, Clock, Approvals.Json.PayloadJson.Converter);
    }

    /// <summary>What the workflow's activities need, on embedded stores in <paramref name="folder"/>: shared by the scenario harnesses.</summary>
    public static IServiceCollection EmbeddedServices(string folder, TimeProvider clock, IDeadlineCalculator calendar)
    {
        var database = new EmbeddedDatabase(Path.Combine(folder, "app.db"));
        return new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton(new ApprovalSettings { PublicBaseUrl = "https://portal.example" })
            .AddSingleton<IDeadlineCalculator>(calendar)
            .AddSingleton<IMaterialStore>(new FolderMaterialStore(Path.Combine(folder, "materials"), clock))
            .AddSingleton<ICertificateStore>(new SqliteCertificateStore(database))
            .AddSingleton<ICreditLedger>(new SqliteCreditLedger(Path.Combine(folder, "credit.db")))
            .AddSingleton<IKeyedRecords>(new SqliteKeyedRecords(database))
            .AddSingleton<IDeadLetters>(new SqliteDeadLetters(database))
            .AddSingleton(new SqliteLocalQueue(database, EmbeddedDepartmentNotifier.Queue))
            .AddSingleton<IDepartmentNotifier>(sp => new EmbeddedDepartmentNotifier(sp.GetRequiredService<SqliteLocalQueue>()));
    }

    public FakeTimeProvider Clock { get; }

    /// <summary>Moves <see cref="Clock"/> through every durable timer in order, draining the engine at each.</summary>
    public VirtualClock VirtualClock { get; }
    public SwitchableCalendar Calendar { get; }
    public EmbeddedDurableTaskClient Client { get; }
    public EmbeddedDurableTaskWorker Worker { get; }
    public ICertificateStore Certificates => services.GetRequiredService<ICertificateStore>();
    public ICreditLedger Credit => services.GetRequiredService<ICreditLedger>();
    public IKeyedRecords Records => services.GetRequiredService<IKeyedRecords>();
    public IMaterialStore Materials => services.GetRequiredService<IMaterialStore>();
    public IDeadLetters DeadLetters => services.GetRequiredService<IDeadLetters>();

    /// <summary>The embedded queue the department notices go to.</summary>
    public SqliteLocalQueue DepartmentTasks => services.GetRequiredService<SqliteLocalQueue>();

    public ApplicationCommands Commands => new(Client, Records, Materials, Clock);

    public DepartmentResponseHandler Responses => new(Commands, DeadLetters, Clock);

    public async Task StartAsync()
    {
        await store.InitializeAsync();
        await Worker.StartAsync(CancellationToken.None);
    }

    public static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    /// <summary>A plan as intake would make it: deadlines counted in working days from now.</summary>
    public ApplicationPlan Plan(string id, IEnumerable<(string Department, string Item, int Limit)> tasks,
        IEnumerable<PlannedCommitment>? commitments = null, IEnumerable<PlannedItem>? unattended = null, string risk = "medium")
    {
        var now = Clock.GetUtcNow();
        return new ApplicationPlan
        {
            ApplicationId = id,
            Uscc = "91350100M000100Y43",
            ApplicantName = "福州示范建设有限公司",
            ProjectCode = "2609-350102-04-01-123456",
            ProjectName = "示范厂房 Demo factory",
            Procedure = "commitment-approval",
            RiskLevel = risk,
            AcceptedAt = now,
            Tasks = tasks.Select(t =>
            {
                var basis = new DeadlineRequest(now, t.Limit);
                var d = Calendar.Compute(basis);
                return new PlannedTask(t.Department, t.Item, t.Item + " name", t.Limit, d.DueAt, d.YellowAt, d.Provisional, basis);
            }).ToList(),
            Commitments = commitments?.ToList() ?? [],
            UnattendedItems = unattended?.ToList() ?? [],
            CorrectionPeriodWorkingDays = 10,
            SamplingSeed = "test",
        };
    }

    public static PlannedCommitment Commitment(string id, string material, string @class, string[] items, string department = "HUD", int within = 20, bool sampled = true, bool gap = false) =>
        new(id, material, material + " name", @class, items, department, within, sampled, sampled ? "drawn" : "not drawn", gap);

    public async Task<string> SubmitAsync(ApplicationPlan plan) =>
        await Client.ScheduleNewOrchestrationInstanceAsync(CommitmentApprovalOrchestrator.Name, plan, new StartOrchestrationOptions { InstanceId = plan.ApplicationId });

    public async Task<ApplicationStatusView> WaitForAsync(string id, Func<ApplicationStatusView, bool> condition)
    {
        var metadata = await Client.WaitForInstanceAsync(id, m => m.ReadCustomStatusAs<ApplicationStatusView>() is { } v && condition(v) || m.IsCompleted, Timeout());
        var view = metadata.ReadCustomStatusAs<ApplicationStatusView>();
        if (view is null || !condition(view))
        {
            throw new Xunit.Sdk.XunitException($"Instance {id} ended {metadata.RuntimeStatus} ({metadata.FailureDetails}) before the expected state; last status: {metadata.SerializedCustomStatus}");
        }
        return view;
    }

    /// <summary>A department's decision on the item's current review round, as the API sends it.</summary>
    public async Task DecideAsync(string id, string department, string item, string decision, string? opinion = null)
    {
        var view = (await Client.GetInstanceAsync(id, getInputsAndOutputs: true))?.ReadCustomStatusAs<ApplicationStatusView>();
        var round = view?.Tasks.LastOrDefault(t => t.Department == department && t.Item == item)?.Round ?? 1;
        await Client.RaiseEventAsync(id, Signals.Decision(department, item, round),
            new DepartmentDecision($"m-{department}-{item}-{Guid.NewGuid():N}", department, item, decision, opinion, "reviewer", Clock.GetUtcNow()));
    }

    public Task InspectAsync(string id, string commitmentId, string result, string department = "HUD", string? findings = null) =>
        Client.RaiseEventAsync(id, Signals.Inspection(commitmentId), new InspectionResult(commitmentId, result, findings, department, Clock.GetUtcNow()));

    public Task SupplyAsync(string id, string materialCode, string materialId) =>
        Client.RaiseEventAsync(id, Signals.MaterialSupplied(materialCode), new SuppliedMaterial(materialCode, materialId));

    public Task ResubmitAsync(string id) =>
        Client.RaiseEventAsync(id, Signals.Resubmission, new Resubmission([new SuppliedMaterial("FIX", new string('b', 64))], "corrected", Clock.GetUtcNow()));

    /// <summary>Moves the clock to a Shanghai moment; every timer due on the way fires on its own date, and the engine drains.</summary>
    public Task AdvanceToAsync(DateTimeOffset moment) => VirtualClock.AdvanceToAsync(moment, Timeout());

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
