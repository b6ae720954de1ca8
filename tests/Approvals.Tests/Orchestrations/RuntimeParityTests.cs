using Approvals.Activities;
using Approvals.Applications;
using Approvals.JointAcceptance;
using Approvals.Catalog;
using Approvals.Orchestrations;
using Approvals.Tests.JointAcceptance;
using DurableTasks.Backends.Sqlite;
using DurableTasks.Client;
using DurableTasks.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Approvals.Tests.Orchestrations;

/// <summary>
/// The same orchestrations on Microsoft's own in-memory backend (<see cref="DurableTaskTestHost"/>) and on ours
/// (Microsoft's replay runtime on SQLite) give the same status, certificates and timeline. Scenarios that need no
/// virtual time: both run on the system clock, so only the texts and states are compared, not the instants.
/// </summary>
public sealed class RuntimeParityTests
{
    [Fact]
    public async Task Approval_with_two_departments_and_commitments_reaches_the_same_state_on_both_backends()
    {
        var microsoft = await RunOnBothAsync(RunApprovalAsync);
        Assert.Equal("verifying", microsoft.Status);
        Assert.Equal(2, microsoft.Certificates.Count);
    }

    [Fact]
    public async Task Joint_acceptance_certified_reaches_the_same_state_on_both_backends()
    {
        var microsoft = await RunOnBothAsync(RunJointAcceptanceAsync);
        Assert.Equal("closed", microsoft.Status);
        Assert.Equal("JA-ACCEPTANCE", Assert.Single(microsoft.Certificates).Item);
    }

    private static async Task<ApplicationStatusView> RunOnBothAsync(Func<DurableTaskClient, string, Task<ApplicationStatusView>> scenario)
    {
        ApplicationStatusView onMicrosoft, onOurs;
        await using (var host = await MicrosoftTestHost.StartAsync()) onMicrosoft = await scenario(host.Client, "APP-PARITY-1");
        await using (var ours = await EmbeddedBackend.StartAsync()) onOurs = await scenario(ours.Client, "APP-PARITY-1");

        Assert.Equal(onMicrosoft.Status, onOurs.Status);
        Assert.Equal(States(onMicrosoft), States(onOurs));
        Assert.Equal(onMicrosoft.Certificates, onOurs.Certificates);
        // Parallel branches (commitment windows, archive and registration pushes) record in the order their activities
        // happen to finish, on either backend: the same entries, in any order.
        Assert.Equal(onMicrosoft.Timeline.Select(t => t.Event).Order(StringComparer.Ordinal), onOurs.Timeline.Select(t => t.Event).Order(StringComparer.Ordinal));
        Assert.Equal(onMicrosoft.CommitmentLetterHash, onOurs.CommitmentLetterHash);
        return onMicrosoft;
    }

    private static IEnumerable<string> States(ApplicationStatusView v) =>
        v.Tasks.Select(t => $"{t.Department}/{t.Item}:{t.State}:{t.Light}")
            .Concat(v.Commitments.Select(c => $"{c.Id}:{c.Status}"))
            .Concat(v.Steps.Select(s => $"{s.Name}:{s.State}"));

    /// <summary>One acceptance time for both runs: the commitment letter shows it to the minute, and the runs may straddle one.</summary>
    private static readonly DateTimeOffset AcceptedAt = DateTimeOffset.UtcNow;

    private static async Task<ApplicationStatusView> RunApprovalAsync(DurableTaskClient client, string id)
    {
        var now = AcceptedAt;
        var calendar = CalendarDeadlineCalculator.FromEmbeddedData();
        var plan = new ApplicationPlan
        {
            ApplicationId = id,
            Uscc = JointAcceptanceHarness.Uscc,
            ApplicantName = "福州示范建设有限公司",
            ProjectCode = JointAcceptanceHarness.ProjectCode,
            ProjectName = "示范厂房 Demo factory",
            Procedure = "commitment-approval",
            RiskLevel = "medium",
            AcceptedAt = now,
            Tasks = new[] { ("HUD", "CP-PERMIT", 7), ("FIRE", "CP-FIREDESIGN", 15) }.Select(t =>
            {
                var basis = new DeadlineRequest(now, t.Item3);
                var d = calendar.Compute(basis);
                return new PlannedTask(t.Item1, t.Item2, t.Item2 + " name", t.Item3, d.DueAt, d.YellowAt, d.Provisional, basis);
            }).ToList(),
            Commitments = [ApprovalHarness.Commitment("C1", "FUNDS-PROOF", "supplement", ["CP-PERMIT"]), ApprovalHarness.Commitment("C2", "SITE-SAFETY", "on-site", ["CP-FIREDESIGN"], "FIRE")],
            CorrectionPeriodWorkingDays = 10,
            SamplingSeed = "parity",
        };
        await client.ScheduleNewOrchestrationInstanceAsync(CommitmentApprovalOrchestrator.Name, plan, new StartOrchestrationOptions { InstanceId = id });
        await WaitForAsync(client, id, v => v.Tasks.Count == 2 && v.CommitmentLetterHash is not null);
        foreach (var (department, item) in new[] { ("HUD", "CP-PERMIT"), ("FIRE", "CP-FIREDESIGN") })
        {
            await client.RaiseEventAsync(id, Signals.Decision(department, item),
                new DepartmentDecision($"m-{department}", department, item, "approve", "同意", "reviewer", DateTimeOffset.UtcNow));
        }
        return await WaitForAsync(client, id, v => v.Status == "verifying" && v.Commitments.All(c => c.DueAt is not null));
    }

    private static async Task<ApplicationStatusView> RunJointAcceptanceAsync(DurableTaskClient client, string id)
    {
        var planner = new JointAcceptancePlanner(ItemCatalog.Embedded, JointAcceptancePolicy.Embedded, CalendarDeadlineCalculator.FromEmbeddedData());
        var plan = planner.Plan(JointAcceptanceHarness.Request(id, "combined", "public", "low", socialInvestment: true), DateTimeOffset.UtcNow, []).Plan!;
        await client.ScheduleNewOrchestrationInstanceAsync(JointAcceptanceOrchestrator.Name, plan, new StartOrchestrationOptions { InstanceId = id });
        await WaitForAsync(client, id, v => v.Steps.Single(s => s.Name == AcceptanceSteps.SiteInspection).State == "in-progress");
        foreach (var department in plan.Departments)
        {
            await client.RaiseEventAsync(id, Signals.SiteFindings(department), new SiteFindings(department, "现场符合 / site as built", DateTimeOffset.UtcNow));
        }
        await WaitForAsync(client, id, v => v.Steps.Single(s => s.Name == AcceptanceSteps.DepartmentOpinions).State == "in-progress");
        foreach (var inspection in plan.Inspections)
        {
            await client.RaiseEventAsync(id, Signals.AcceptanceOpinion(inspection.Department, inspection.Item),
                new DepartmentAcceptanceOpinion(inspection.Department, inspection.Item, "pass", "合格", [], DateTimeOffset.UtcNow));
        }
        await WaitForAsync(client, id, v => v.Status == "certifying" && v.Steps.Count(s => s.State == "in-progress") == 2);
        await client.RaiseEventAsync(id, Signals.ArchiveCertificate, new CertificateNumberAnswer("DA-2026-0001", DateTimeOffset.UtcNow));
        await client.RaiseEventAsync(id, Signals.RegistrationCertificate, new CertificateNumberAnswer("鲁(2026)聊城市不动产权第0001号", DateTimeOffset.UtcNow));
        return await WaitForAsync(client, id, v => v.Status == "closed");
    }

    /// <summary>Polls the instance (wall time: Microsoft's test host runs on its own clock) until its status satisfies <paramref name="condition"/>.</summary>
    private static async Task<ApplicationStatusView> WaitForAsync(DurableTaskClient client, string id, Func<ApplicationStatusView, bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var metadata = await client.GetInstanceAsync(id, getInputsAndOutputs: true, timeout.Token);
            if (metadata?.ReadCustomStatusAs<ApplicationStatusView>() is { } view && condition(view)) return view;
            if (metadata is { IsCompleted: true }) throw new Xunit.Sdk.XunitException($"{id} ended {metadata.RuntimeStatus} ({metadata.FailureDetails}): {metadata.SerializedCustomStatus}");
            await Task.Delay(50, timeout.Token);
        }
    }

    /// <summary>What the workflow's activities need, on embedded stores in a fresh folder.</summary>
    private static IServiceCollection Services(string folder, IServiceCollection services)
    {
        foreach (var descriptor in ApprovalHarness.EmbeddedServices(folder, TimeProvider.System, CalendarDeadlineCalculator.FromEmbeddedData())) services.Add(descriptor);
        services.AddSingleton<IProjectCommitmentLookup>(new NoEarlierCommitments());
        return services;
    }

    private sealed class NoEarlierCommitments : IProjectCommitmentLookup
    {
        public Task<IReadOnlyList<EarlierCommitment>> FindAsync(string projectCode, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<EarlierCommitment>>([]);
    }

    private sealed class MicrosoftTestHost(DurableTaskTestHost host, string folder) : IAsyncDisposable
    {
        public DurableTaskClient Client => host.Client;

        public static async Task<MicrosoftTestHost> StartAsync()
        {
            var folder = Directory.CreateTempSubdirectory("parity-ms-").FullName;
            var host = await DurableTaskTestHost.StartAsync(r => ApprovalWorkflow.Register(r), new DurableTaskTestHostOptions
            {
                LoggerFactory = LoggerFactory.Create(l => l.SetMinimumLevel(LogLevel.Warning)),
                ConfigureServices = s => Services(folder, s),
            });
            return new MicrosoftTestHost(host, folder);
        }

        public async ValueTask DisposeAsync()
        {
            await host.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed class EmbeddedBackend(SqliteOrchestrationStore store, EmbeddedDurableTaskWorker worker, ServiceProvider services, string folder) : IAsyncDisposable
    {
        public DurableTaskClient Client { get; } = new EmbeddedDurableTaskClient(store);

        public static async Task<EmbeddedBackend> StartAsync()
        {
            var folder = Directory.CreateTempSubdirectory("parity-ours-").FullName;
            var store = new SqliteOrchestrationStore(new SqliteStoreOptions { DatabasePath = Path.Combine(folder, "durable.db") });
            await store.InitializeAsync();
            var services = Services(folder, new ServiceCollection()).BuildServiceProvider();
            // Microsoft's default data converter on both backends, so the same bytes flow through both.
            var worker = new EmbeddedDurableTaskWorker(store, RegisteredTasks.From(r => ApprovalWorkflow.Register(r)), services,
                new EmbeddedWorkerOptions { MaxPollInterval = TimeSpan.FromMilliseconds(20) });
            await worker.StartAsync(CancellationToken.None);
            return new EmbeddedBackend(store, worker, services, folder);
        }

        public async ValueTask DisposeAsync()
        {
            await worker.StopAsync(CancellationToken.None);
            worker.Dispose();
            await store.DisposeAsync();
            await services.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
