using Approvals.Activities;
using Approvals.Notifications;
using Approvals.Stores.Embedded;
using Microsoft.Extensions.Logging.Abstractions;

namespace Approvals.Tests.Notifications;

public sealed class DepartmentNotifierTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("notices-").FullName;
    private readonly EmbeddedDatabase database;

    public DepartmentNotifierTests() => database = new EmbeddedDatabase(Path.Combine(folder, "app.db"));

    private static Notification Review(string key = "APP-1/HUD/round-1") => new("APP-1", "HUD", "review-request", "please review CP-PERMIT", key);

    [Fact]
    public async Task A_dispatched_review_reaches_the_department_on_the_embedded_queue_once_however_often_the_activity_runs()
    {
        var records = new SqliteKeyedRecords(database);
        var activity = new NotifyActivity(records, NullLogger<NotifyActivity>.Instance, new EmbeddedDepartmentNotifier(database));

        Assert.True(await activity.RunAsync(null!, Review()));
        Assert.False(await activity.RunAsync(null!, Review())); // a retry: recorded before, sent before
        await activity.RunAsync(null!, Review("APP-1/HUD/round-2"));

        var queue = new SqliteLocalQueue(database, EmbeddedDepartmentNotifier.Queue);
        var notices = (await queue.ReceiveAsync(10, TimeSpan.FromMinutes(1))).Select(m => EmbeddedDepartmentNotifier.Parse(m.Body)).ToList();
        Assert.Equal(["APP-1/HUD/round-1", "APP-1/HUD/round-2"], notices.Select(n => n.TaskId));
        Assert.All(notices, n => Assert.Equal(("APP-1", "HUD", "review-request"), (n.ApplicationId, n.Department, n.Event)));
    }

    [Fact]
    public async Task A_notice_recorded_but_not_sent_before_a_crash_is_sent_by_the_retry()
    {
        var records = new SqliteKeyedRecords(database);
        await new NotifyActivity(records, NullLogger<NotifyActivity>.Instance).RunAsync(null!, Review()); // recorded, then the process died

        await new NotifyActivity(records, NullLogger<NotifyActivity>.Instance, new EmbeddedDepartmentNotifier(database)).RunAsync(null!, Review());

        Assert.Equal(1, await new SqliteLocalQueue(database, EmbeddedDepartmentNotifier.Queue).CountAsync());
    }

    [Fact]
    public async Task Escalations_to_the_supervisor_and_notices_to_the_applicant_are_not_department_notices()
    {
        var activity = new NotifyActivity(new SqliteKeyedRecords(database), NullLogger<NotifyActivity>.Instance, new EmbeddedDepartmentNotifier(database));

        await activity.RunAsync(null!, new Notification("APP-1", "supervisor", "overdue-review", "HUD is late", "APP-1/HUD/CP-PERMIT/round-1/red"));
        await activity.RunAsync(null!, new Notification("APP-1", "91350100M000100Y43", "rectification-notice", "fix it", "APP-1/rectification/round-1"));

        Assert.Equal(0, await new SqliteLocalQueue(database, EmbeddedDepartmentNotifier.Queue).CountAsync());
        Assert.Null(DepartmentNotice.From(new Notification("APP-1", "supervisor", "overdue-review", "", "k")));
    }

    [Fact]
    public async Task The_embedded_queue_drops_a_message_id_it_has_sent_before()
    {
        var queue = new SqliteLocalQueue(database, "department-tasks");

        Assert.True(await queue.SendOnceAsync("T-1/review-request", "a"));
        Assert.False(await queue.SendOnceAsync("T-1/review-request", "a again"));
        Assert.True(await queue.SendOnceAsync("T-1/deadline-near", "b"));

        Assert.Equal(2, await queue.CountAsync());
        Assert.True(await new SqliteLocalQueue(database, "other").SendOnceAsync("T-1/review-request", "c")); // per queue
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
