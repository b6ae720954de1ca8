using System.Net.Http.Json;
using System.Text.Json;
using Approvals.Functions.LocalHost;
using Approvals.Functions.Tests.Infrastructure;
using Approvals.Functions.Triggers;

namespace Approvals.Functions.Tests.Hosting;

/// <summary>The local host's timer triggers: the functions' own NCRONTAB schedules, on the app's (virtual) clock.</summary>
public sealed class LocalTimerTriggersTests
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    [Theory]
    [InlineData("2026-11-22T00:30:00+08:00", "2026-11-22T01:00:00+08:00")]
    [InlineData("2026-11-22T01:00:00+08:00", "2026-11-23T01:00:00+08:00")]
    [InlineData("2026-11-22T18:00:00+00:00", "2026-11-24T01:00:00+08:00")]
    public void The_audit_schedule_means_01_00_in_Shanghai(string after, string expected)
    {
        var audit = FunctionIndex.Of(typeof(SupervisionTimers).Assembly).Single(f => f.Name == "CommitmentAudit");
        var next = LocalTimerTriggers.Parse(audit).GetNextOccurrence(DateTimeOffset.Parse(after, System.Globalization.CultureInfo.InvariantCulture), TimeZoneInfo.Utc);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), next);
    }

    [Fact]
    public async Task Advancing_the_virtual_clock_three_days_runs_the_audit_on_each_day_at_its_own_time()
    {
        using var app = new AppFactory();
        var supervisor = app.Driver.Supervisor();
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await supervisor.GetAsync("/api/audits/latest")).StatusCode);

        await app.Driver.AdvanceAsync(days: 1);
        var first = await supervisor.GetFromJsonAsync<JsonElement>("/api/audits/latest");
        await app.Driver.AdvanceAsync(days: 2);
        var third = await supervisor.GetFromJsonAsync<JsonElement>("/api/audits/latest");

        // The clock starts on Monday 2026-09-28 09:00: the first 01:00 is Tuesday's, the third Thursday's.
        Assert.Equal(new DateTimeOffset(2026, 9, 29, 1, 0, 0, Shanghai), first.GetProperty("runAt").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2026, 10, 1, 1, 0, 0, Shanghai), third.GetProperty("runAt").GetDateTimeOffset());
    }
}
