using Approvals.Applications;
using Approvals.Calendar;

namespace Approvals.Tests.Orchestrations;

/// <summary>
/// A review deadline counted into 2027 before its holiday schedule is published is provisional; once the schedule is
/// loaded it is computed again and the lights follow the final deadline (domain.md, "Working days").
/// </summary>
public sealed class ProvisionalDeadlineTests : IAsyncLifetime
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    private readonly ApprovalHarness h = new();

    public Task InitializeAsync() => h.StartAsync();

    public async Task DisposeAsync() => await h.DisposeAsync();

    /// <summary>A made-up 2027 schedule for the test: 1–3 January off, Thursday 7 January also off.</summary>
    private static CalendarDeadlineCalculator With2027() =>
        new(WorkingDayCalendar.FromEmbeddedData().WithSchedules([new HolidaySchedule(2027,
            new HashSet<DateOnly> { new(2027, 1, 1), new(2027, 1, 2), new(2027, 1, 3), new(2027, 1, 7) }, new HashSet<DateOnly>())]));

    [Fact]
    public async Task Provisional_deadline_is_computed_again_when_the_schedule_is_loaded_and_the_red_light_follows_it()
    {
        await h.AdvanceToAsync(new DateTimeOffset(2026, 12, 21, 9, 0, 0, Shanghai));
        var plan = h.Plan("APP-2027", [("HUD", "CP-PERMIT", 10)]);
        var provisional = plan.Tasks[0];
        Assert.True(provisional.Provisional);
        await h.SubmitAsync(plan);
        await h.WaitForAsync("APP-2027", v => v.Tasks.Count == 1 && v.Tasks[0].Provisional);

        var queries = new ApplicationQueries(h.Client, h.Calendar, h.Clock);
        var refresher = new ProvisionalDeadlines(queries, h.Client, h.Calendar);
        Assert.Equal(0, await refresher.RefreshAsync());

        h.Calendar.Current = With2027();
        Assert.Equal(1, await refresher.RefreshAsync());
        var final = await h.WaitForAsync("APP-2027", v => !v.Tasks[0].Provisional);

        Assert.True(final.Tasks[0].DueAt > provisional.DueAt, $"7 January off moves the deadline later: {final.Tasks[0].DueAt} vs {provisional.DueAt}");
        Assert.Contains(final.Timeline, e => e.Event.Contains("computed again on the loaded holiday schedule", StringComparison.Ordinal));

        await h.AdvanceToAsync(provisional.DueAt.AddHours(1));
        var between = await h.WaitForAsync("APP-2027", v => v.Tasks[0].Light != "green");
        Assert.Equal("yellow", between.Tasks[0].Light);
        await h.AdvanceToAsync(final.Tasks[0].DueAt.AddHours(1));
        await h.WaitForAsync("APP-2027", v => v.Tasks[0].Light == "red");
    }
}
