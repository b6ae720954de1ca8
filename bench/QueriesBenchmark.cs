using System.Diagnostics;
using System.Globalization;
using Approvals.Activities;
using Approvals.Applications;
using Approvals.Orchestrations;
using Approvals.Stores;
using Approvals.Stores.Embedded;
using DurableTasks.Backends.Sqlite;
using DurableTasks.Client;
using Microsoft.Extensions.Time.Testing;
using Microsoft.DurableTask;
using DurableTasks.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bench;

/// <summary>
/// The read side at size: N approval applications running on the embedded engine (each with two department tasks
/// and a commitment), then the time of a department inbox, the supervisor's lights, one applicant's list, one
/// status read, and one project's applications (what a staged-permit or joint-acceptance submission looks up) read
/// through the project index against a scan of every application. The inbox and the lights read every running
/// application's published status.
/// </summary>
internal static class QueriesBenchmark
{
    public static async Task<int> RunAsync(BenchArguments arguments, string folder)
    {
        var count = arguments.GetInt("applications", 2000);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 9, 28, 9, 0, 0, TimeSpan.FromHours(8)));
        var calendar = CalendarDeadlineCalculator.FromEmbeddedData();
        var database = new EmbeddedDatabase(Path.Combine(folder, "app.db"));
        await using var services = new ServiceCollection()
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton(new ApprovalSettings())
            .AddSingleton<IDeadlineCalculator>(calendar)
            .AddSingleton<IMaterialStore>(new FolderMaterialStore(Path.Combine(folder, "materials"), clock))
            .AddSingleton<ICertificateStore>(new SqliteCertificateStore(database))
            .AddSingleton<ICreditLedger>(new SqliteCreditLedger(Path.Combine(folder, "credit.db")))
            .AddSingleton<IKeyedRecords>(new SqliteKeyedRecords(database))
            .BuildServiceProvider();
        await using var store = new SqliteOrchestrationStore(new SqliteStoreOptions { DatabasePath = Path.Combine(folder, "engine.db") }, clock);
        await store.InitializeAsync();
        var client = new EmbeddedDurableTaskClient(store, clock, DurableTasks.DependencyInjection.DurableTaskServiceCollectionExtensions.WebJsonConverter);
        using var worker = new EmbeddedDurableTaskWorker(store, RegisteredTasks.From(r => ApprovalWorkflow.Register(r)), services, new EmbeddedWorkerOptions(), clock, DurableTasks.DependencyInjection.DurableTaskServiceCollectionExtensions.WebJsonConverter);
        await worker.StartAsync(CancellationToken.None);

        var setup = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            await client.ScheduleNewOrchestrationInstanceAsync(CommitmentApprovalOrchestrator.Name, Plan(i, clock.GetUtcNow(), calendar),
                new StartOrchestrationOptions { InstanceId = $"{ApplicationQueries.IdPrefix}BENCH-{i:D6}" });
        }
        // Running means every task published with its deadline (future timers stay in the backlog, so wait on the status).
        var queriesForSetup = new ApplicationQueries(client, calendar, clock);
        while ((await queriesForSetup.InboxAsync("CAD", "pending")).Count < count) await Task.Delay(200);
        Console.WriteLine(FormattableString.Invariant($"{count} applications running after {setup.Elapsed.TotalSeconds:F1}s"));

        var queries = new ApplicationQueries(client, calendar, clock);
        var commands = new ApplicationCommands(client, services.GetRequiredService<IKeyedRecords>(), services.GetRequiredService<IMaterialStore>(), clock);
        var inbox = await TimeAsync(5, async () => (await queries.InboxAsync("HUD", "pending")).Count);
        var lights = await TimeAsync(5, async () => (await queries.LightsAsync()).Count);
        var list = await TimeAsync(5, async () => (await queries.ListAsync(Uscc(7), null, null, null, 50, null)).Items.Count);
        var status = await TimeAsync(100, async () => (await commands.GetAsync($"{ApplicationQueries.IdPrefix}BENCH-{count / 2:D6}")) is null ? 0 : 1);
        Console.WriteLine(FormattableString.Invariant($"inbox: {inbox.Items} entries in {inbox.Ms:F1} ms; lights: {lights.Items} in {lights.Ms:F1} ms; one applicant's list: {list.Items} in {list.Ms:F1} ms; one status: {status.Ms:F2} ms"));

        var projects = new ProjectApplications(services.GetRequiredService<IKeyedRecords>(), client);
        var backfill = Stopwatch.StartNew();
        await projects.BackfillAsync();
        var backfillMs = backfill.Elapsed.TotalMilliseconds;
        var project = ProjectCode(7);
        var indexed = await TimeAsync(20, async () => await CountAsync(projects.InstancesAsync(project)));
        var scanned = await TimeAsync(5, async () =>
        {
            var n = 0;
            await foreach (var instance in client.InstancesWithPrefixAsync(ApplicationQueries.IdPrefix))
            {
                if (instance.ReadCustomStatusAs<ApplicationStatusView>()?.ProjectCode == project) n++;
            }
            return n;
        });
        Console.WriteLine(FormattableString.Invariant($"one project's applications: {indexed.Items} through the index in {indexed.Ms:F2} ms, {scanned.Items} by reading every application in {scanned.Ms:F1} ms (index filled in {backfillMs:F0} ms, once)"));
        await worker.StopAsync(CancellationToken.None);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"applications={count} inbox_ms={inbox.Ms:F1} lights_ms={lights.Ms:F1} list_ms={list.Ms:F1} status_ms={status.Ms:F2} inbox_us_per_application={inbox.Ms * 1000 / count:F1} project_index_ms={indexed.Ms:F2} project_scan_ms={scanned.Ms:F1}"));
        return 0;
    }

    private static async Task<(int Items, double Ms)> TimeAsync(int repeats, Func<Task<int>> read)
    {
        var items = await read(); // warm-up
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < repeats; i++) items = await read();
        return (items, watch.Elapsed.TotalMilliseconds / repeats);
    }

    private static async Task<int> CountAsync<T>(IAsyncEnumerable<T> items)
    {
        var n = 0;
        await foreach (var _ in items) n++;
        return n;
    }

    /// <summary>500 projects, so one project has a few of the N applications.</summary>
    private static string ProjectCode(int project) => $"2609-350102-04-01-{project % 500:D6}";

    private static string Uscc(int applicant) => $"91350100M{applicant:D8}X"[..17] + "0";

    private static ApplicationPlan Plan(int i, DateTimeOffset now, IDeadlineCalculator calendar)
    {
        PlannedTask Task(string dept, string item, int limit)
        {
            var basis = new DeadlineRequest(now, limit);
            var d = calendar.Compute(basis);
            return new PlannedTask(dept, item, item, limit, d.DueAt, d.YellowAt, d.Provisional, basis);
        }
        var id = $"{ApplicationQueries.IdPrefix}BENCH-{i:D6}";
        return new ApplicationPlan
        {
            ApplicationId = id,
            Uscc = Uscc(i % 100),
            ApplicantName = "bench",
            ProjectCode = ProjectCode(i),
            ProjectName = "bench",
            Procedure = "commitment-approval",
            RiskLevel = "low",
            AcceptedAt = now,
            Tasks = [Task("HUD", "CP-PERMIT", 10), Task("CAD", "CP-CIVILDEF", 12)],
            Commitments = [new PlannedCommitment($"{id}-C1", "FUNDS-PROOF", "FUNDS-PROOF", "retained", ["CP-PERMIT"], "HUD", 20, false, "bench")],
            SamplingSeed = "bench",
        };
    }
}
