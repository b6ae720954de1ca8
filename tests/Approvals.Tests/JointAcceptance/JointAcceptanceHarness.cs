using Approvals.Tests.Orchestrations;
using Approvals.Activities;
using Approvals.Applications;
using Approvals.Catalog;
using Approvals.JointAcceptance;
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

namespace Approvals.Tests.JointAcceptance;

/// <summary>
/// Joint acceptance on the embedded engine (SQLite) with real embedded stores, the default project-commitment lookup
/// (the engine's instances), and a controllable clock starting Monday 2026-09-28 09:00 Shanghai, the week before National Day.
/// </summary>
public sealed class JointAcceptanceHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Monday = new(2026, 9, 28, 9, 0, 0, TimeSpan.FromHours(8));
    public const string Uscc = "91350100M000100Y43";
    public const string ProjectCode = "2609-350102-04-01-123456";

    private readonly string folder = Directory.CreateTempSubdirectory("joint-acceptance-").FullName;
    private readonly ServiceProvider services;
    private readonly SqliteOrchestrationStore store;

    /// <param name="replayEveryEpisode">No extended sessions: every episode replays the orchestration from its stored history.</param>
    public JointAcceptanceHarness(bool replayEveryEpisode = false)
    {
        Clock = new FakeTimeProvider(Monday);
        Calendar = new SwitchableCalendar(CalendarDeadlineCalculator.FromEmbeddedData());
        store = new SqliteOrchestrationStore(new SqliteStoreOptions { DatabasePath = Path.Combine(folder, "engine.db") }, Clock);
        Client = new EmbeddedDurableTaskClient(store, Clock, Approvals.Json.PayloadJson.Converter);
        VirtualClock = new VirtualClock(Clock, store);
        services = ApprovalHarness.EmbeddedServices(folder, Clock, Calendar)
            .AddSingleton<Microsoft.DurableTask.Client.DurableTaskClient>(Client) // as AddEmbeddedDurableTasks does; the commitment lookup activity defaults to the engine's instances
            .BuildServiceProvider();
        Worker = new EmbeddedDurableTaskWorker(store, RegisteredTasks.From(r => ApprovalWorkflow.Register(r)), services,
            new EmbeddedWorkerOptions { MaxPollInterval = TimeSpan.FromMilliseconds(20), ExtendedSessionIdleTimeout = replayEveryEpisode ? TimeSpan.Zero : TimeSpan.FromSeconds(30) },
            Clock, Approvals.Json.PayloadJson.Converter);
        Planner = new JointAcceptancePlanner(ItemCatalog.Embedded, JointAcceptancePolicy.Embedded, Calendar);
    }

    public FakeTimeProvider Clock { get; }

    /// <summary>Moves <see cref="Clock"/> through every durable timer in order, draining the engine at each.</summary>
    public VirtualClock VirtualClock { get; }
    /// <summary>The embedded calendar; a test may load a further year's schedule by setting <see cref="SwitchableCalendar.Current"/>.</summary>
    public SwitchableCalendar Calendar { get; }
    public EmbeddedDurableTaskClient Client { get; }
    public EmbeddedDurableTaskWorker Worker { get; }
    public JointAcceptancePlanner Planner { get; }
    public ICertificateStore Certificates => services.GetRequiredService<ICertificateStore>();
    public IKeyedRecords Records => services.GetRequiredService<IKeyedRecords>();
    public IMaterialStore Materials => services.GetRequiredService<IMaterialStore>();
    public IProjectCommitmentLookup Lookup => new EngineProjectCommitmentLookup(new Approvals.Applications.ProjectApplications(Records, Client));
    public ApplicationQueries Queries => new(Client, Calendar, Clock);
    public JointAcceptanceCommands Commands => new(Client, ItemCatalog.Embedded, JointAcceptancePolicy.Embedded, Clock);

    public async Task StartAsync()
    {
        await store.InitializeAsync();
        await Worker.StartAsync(CancellationToken.None);
    }

    public static JointAcceptanceRequest Request(string id, string stages, string type = "residential", string risk = "medium", bool socialInvestment = false,
        bool keyProject = false, IReadOnlyList<string>? items = null, string? unit = null) => new()
    {
        ApplicationId = id,
        Uscc = Uscc,
        ApplicantName = "福州示范建设有限公司",
        ProjectCode = ProjectCode,
        ProjectName = "示范项目 Demo project",
        ProjectType = type,
        RiskLevel = risk,
        SocialInvestment = socialInvestment,
        KeyProject = keyProject,
        AcceptanceStages = stages,
        Items = items ?? [],
        UnitName = unit,
        SurveyResultsMaterialId = new string('5', 64),
    };

    /// <summary>Intake as the portal would do it: the project's earlier commitments looked up, then the plan made now.</summary>
    public async Task<JointAcceptancePlan> PlanAsync(JointAcceptanceRequest request)
    {
        var result = Planner.Plan(request, Clock.GetUtcNow(), await Lookup.FindAsync(request.ProjectCode));
        return result.Plan ?? throw new Xunit.Sdk.XunitException("plan rejected: " + string.Join("; ", result.Problems));
    }

    public async Task<string> SubmitAsync(JointAcceptancePlan plan) =>
        await Client.ScheduleNewOrchestrationInstanceAsync(JointAcceptanceOrchestrator.Name, plan, new StartOrchestrationOptions { InstanceId = plan.ApplicationId });

    public async Task<ApplicationStatusView> WaitForAsync(string id, Func<ApplicationStatusView, bool> condition)
    {
        var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;
        var metadata = await Client.WaitForInstanceAsync(id, m => m.ReadCustomStatusAs<ApplicationStatusView>() is { } v && condition(v) || m.IsCompleted, timeout);
        var view = metadata.ReadCustomStatusAs<ApplicationStatusView>();
        if (view is null || !condition(view))
        {
            throw new Xunit.Sdk.XunitException($"Instance {id} ended {metadata.RuntimeStatus} ({metadata.FailureDetails}) before the expected state; last status: {metadata.SerializedCustomStatus}");
        }
        return view;
    }

    public Task FindingsAsync(string id, string department, string findings = "现场符合 / site as built") =>
        Client.RaiseEventAsync(id, Signals.SiteFindings(department), new SiteFindings(department, findings, Clock.GetUtcNow()));

    public Task OpinionAsync(string id, string department, string item, bool pass = true, string? opinion = null, params string[] rectifications) =>
        Client.RaiseEventAsync(id, Signals.AcceptanceOpinion(department, item),
            new DepartmentAcceptanceOpinion(department, item, pass ? "pass" : "fail", opinion ?? (pass ? "合格" : "不合格"), rectifications, Clock.GetUtcNow()));

    /// <summary>Every department of the plan records its findings.</summary>
    public async Task AllFindingsAsync(JointAcceptancePlan plan)
    {
        foreach (var department in plan.Departments) await FindingsAsync(plan.ApplicationId, department);
    }

    /// <summary>Every item passes, except those named.</summary>
    public async Task AllPassAsync(JointAcceptancePlan plan, params string[] except)
    {
        foreach (var i in plan.Inspections.Where(i => !except.Contains(i.Item))) await OpinionAsync(plan.ApplicationId, i.Department, i.Item);
    }

    public Task RectifiedAsync(string id) => Client.RaiseEventAsync(id, Signals.Rectified, new RectificationReport("整改完成 / done", Clock.GetUtcNow()));

    public Task ArchiveAnswerAsync(string id, string number) => Client.RaiseEventAsync(id, Signals.ArchiveCertificate, new CertificateNumberAnswer(number, Clock.GetUtcNow()));

    public Task RegistrationAnswerAsync(string id, string number) => Client.RaiseEventAsync(id, Signals.RegistrationCertificate, new CertificateNumberAnswer(number, Clock.GetUtcNow()));

    public Task RecheckCommitmentsAsync(string id) => Client.RaiseEventAsync(id, Signals.CommitmentsRecheck);

    /// <summary>An earlier commitment approval of the same project with one supplement commitment, started now.</summary>
    public async Task<string> StartEarlierApprovalAsync(string id, string commitmentId, string material, string @class = "supplement", bool sampled = true)
    {
        var now = Clock.GetUtcNow();
        var d = Calendar.Compute(new DeadlineRequest(now, 5));
        var plan = new ApplicationPlan
        {
            ApplicationId = id,
            Uscc = Uscc,
            ApplicantName = "福州示范建设有限公司",
            ProjectCode = ProjectCode,
            ProjectName = "示范项目 Demo project",
            Procedure = "commitment-approval",
            RiskLevel = "medium",
            AcceptedAt = now,
            Tasks = [new PlannedTask("HUD", "CP-PERMIT", "施工许可", 5, d.DueAt, d.YellowAt, d.Provisional)],
            Commitments = [new PlannedCommitment(commitmentId, material, material, @class, ["CP-PERMIT"], "HUD", 20, sampled, sampled ? "always" : "not drawn")],
        };
        await Client.ScheduleNewOrchestrationInstanceAsync(CommitmentApprovalOrchestrator.Name, plan, new StartOrchestrationOptions { InstanceId = id });
        return id;
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
