using Approvals.Activities;
using Approvals.Applications;
using Approvals.Calls;
using Approvals.Tests.Calls;

namespace Approvals.Tests.Orchestrations;

/// <summary>The CallAndRespond orchestration on the embedded engine with the virtual clock.</summary>
public sealed class CallOrchestratorScenarios
{
    private static async Task Noticed(CallHarness h, string key)
    {
        var timeout = ApprovalHarness.Timeout();
        while (await h.Records.GetAsync(NotifyActivity.Scope, key, default) is null) await Task.Delay(20, timeout);
    }

    private static DateTimeOffset Shanghai(int month, int day, int hour = 0) => new(2026, month, day, hour, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task Overdue_turns_yellow_then_red_goes_to_the_platform_office_explains_to_the_enterprise_and_is_still_answered()
    {
        await using var h = new CallHarness();
        await h.StartAsync();
        var id = await h.RegisterAsync("CALL-LATE", CallHarness.Request("HUD"));
        await h.WaitForAsync(id, v => v.Status == "assigned");
        Assert.NotNull(await h.Records.GetAsync(NotifyActivity.Scope, $"{id}/HUD/round-1", default));

        await h.AdvanceToAsync(Shanghai(10, 10, 9));
        Assert.Equal("yellow", (await h.WaitForAsync(id, v => v.Light == "yellow")).Light);
        await h.AdvanceToAsync(Shanghai(10, 11, 9));
        var red = await h.WaitForAsync(id, v => v.Status == "escalated");
        Assert.Equal("red", red.Light);
        Assert.Equal("PLATFORM-OFFICE", Assert.Single(red.Escalations).To);
        Assert.Contains("HUD will still answer", Assert.Single(red.Explanations).Text);
        // The red light is shown first; the notices follow in the same episode.
        await Noticed(h, $"{id}/HUD/round-1/red");
        await Noticed(h, $"{id}/explanation/round-1");

        Assert.Equal(CommandOutcome.Accepted, (await h.Commands.AnswerAsync(id, "HUD", "explained", "需省厅批复 / needs the province", "王")).Outcome);
        var answered = await h.WaitForAsync(id, v => v.Status == "answered");
        var answer = Assert.Single(answered.Answers);
        Assert.True(answer.Late);
        Assert.Equal("explained", answer.Outcome);
        Assert.NotNull(answered.RateBy);
        Assert.Null(answered.Light);
    }

    [Fact]
    public async Task An_answer_in_time_stays_green_and_an_unrated_answer_closes_when_the_rating_period_ends()
    {
        await using var h = new CallHarness();
        await h.StartAsync();
        var id = await h.RegisterAsync("CALL-INTIME", CallHarness.Request("WATER"));
        await h.WaitForAsync(id, v => v.Status == "assigned");
        await h.Commands.AnswerAsync(id, "WATER", "solved", "已接水 / connected", null);
        var answered = await h.WaitForAsync(id, v => v.Status == "answered");
        Assert.Empty(answered.Escalations);
        Assert.False(Assert.Single(answered.Answers).Late);

        await h.AdvanceToAsync(answered.RateBy!.Value.AddHours(1));
        var closed = await h.WaitForAsync(id, v => v.Status == "closed");
        Assert.Equal("rating-period-ended", closed.ClosedHow);
        Assert.Empty(closed.Ratings);
    }

    [Fact]
    public async Task Unsatisfied_reopens_with_a_new_slip_counted_from_the_reopening_and_closing_needs_the_new_answer()
    {
        await using var h = new CallHarness();
        await h.StartAsync();
        var id = await h.RegisterAsync("CALL-REOPEN", CallHarness.Request("NRP"));
        await h.WaitForAsync(id, v => v.Status == "assigned");
        Assert.Equal(CommandOutcome.Forbidden, (await h.Commands.AnswerAsync(id, "HUD", "solved", "x", null)).Outcome);
        Assert.Equal(CommandOutcome.Conflict, (await h.Commands.RateAsync(id, CallHarness.Uscc, "satisfied", null)).Outcome);

        await h.AdvanceToAsync(Shanghai(10, 8, 10));
        await h.Commands.AnswerAsync(id, "NRP", "explained", "指标未下达 / quota pending", null);
        await h.WaitForAsync(id, v => v.Status == "answered");
        Assert.Equal(CommandOutcome.Accepted, (await h.Commands.RateAsync(id, CallHarness.Uscc, "unsatisfied", "没有时间表 / no timetable")).Outcome);

        var reopened = await h.WaitForAsync(id, v => v.Status == "assigned" && v.Round == 2);
        var slip = reopened.Slips[^1];
        // 5 working days from Thursday 8 Oct: 9, 10 (Saturday worked), 12, 13, 14 Oct.
        Assert.Equal(Shanghai(10, 15), slip.DueAt);
        Assert.Equal(reopened.Slips[0].Person, slip.Person);
        Assert.Equal(CommandOutcome.Conflict, (await h.Commands.RateAsync(id, CallHarness.Uscc, "satisfied", null)).Outcome);

        await h.Commands.AnswerAsync(id, "NRP", "solved", "10 月 12 日下达 / issued 12 Oct", null);
        await h.WaitForAsync(id, v => v.Status == "answered" && v.Round == 2);
        await h.Commands.RateAsync(id, CallHarness.Uscc, "satisfied", null);
        var closed = await h.WaitForAsync(id, v => v.Status == "closed");
        Assert.Equal("rated-satisfied", closed.ClosedHow);
        Assert.Equal(2, closed.Answers.Count);
        Assert.Equal(CommandOutcome.Conflict, (await h.Commands.RateAsync(id, CallHarness.Uscc, "satisfied", null)).Outcome);
    }

    [Fact]
    public async Task A_major_urgent_call_goes_to_the_district_leaders_at_once_and_is_filed_with_the_commissioners_office()
    {
        await using var h = new CallHarness();
        await h.StartAsync();
        var id = await h.RegisterAsync("CALL-URGENT", CallHarness.Request("POWER", majorUrgent: true));
        var assigned = await h.WaitForAsync(id, v => v.Status == "assigned");
        Assert.Equal("DISTRICT-LEADERS", Assert.Single(assigned.Escalations).To);
        Assert.Equal(h.Clock.GetUtcNow(), assigned.Escalations[0].At);
        Assert.NotNull(await h.Records.GetAsync(NotifyActivity.Scope, $"{id}/major-urgent/DISTRICT-LEADERS", default));
        Assert.NotNull(await h.Records.GetAsync(NotifyActivity.Scope, $"{id}/major-urgent/COMMISSIONER-OFFICE", default));
    }

    [Fact]
    public async Task The_board_shows_open_calls_by_unit_red_first()
    {
        await using var h = new CallHarness();
        await h.StartAsync();
        var late = await h.RegisterAsync("CALL-A", CallHarness.Request("HUD"));
        await h.WaitForAsync(late, v => v.Status == "assigned");
        await h.AdvanceToAsync(Shanghai(10, 11, 9));
        await h.WaitForAsync(late, v => v.Status == "escalated");
        var fresh = await h.RegisterAsync("CALL-B", CallHarness.Request("ECO"));
        await h.WaitForAsync(fresh, v => v.Status == "assigned");

        var board = await h.Queries.BoardAsync();
        Assert.Equal(["HUD", "ECO"], board.Select(u => u.Unit));
        Assert.Equal((1, 0), (board[0].Red, board[0].Green));
        Assert.Equal((0, 1), (board[1].Red, board[1].Green));
        Assert.Equal(["CALL-A"], (await h.Queries.ForUnitAsync("hud", false)).Select(c => c.CallId));
    }
}
