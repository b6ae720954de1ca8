using Approvals.Activities;
using Approvals.Applications;
using Approvals.Calendar;
using Approvals.Tests.Orchestrations;

namespace Approvals.Tests.SeedRules;

/// <summary>Commitment-approval workflow rules the seeds state (issue 18), on the embedded engine with a controllable clock.</summary>
public sealed class SeedRuleApprovalScenarios : IAsyncLifetime
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    private readonly ApprovalHarness h = new();

    public Task InitializeAsync() => h.StartAsync();

    public async Task DisposeAsync() => await h.DisposeAsync();

    private static DateTimeOffset At(int month, int day, int hour = 0) => new(2026, month, day, hour, 0, 0, Shanghai);

    // Issue 18 rule 10. Shandong 2023 measure 15 (审批用时管理): the clock stops only for the legal reasons, each stop
    // recorded; a department's time left after a second one-time notice is its limit less the time the clock ran,
    // never less the first stop.
    [Fact]
    public async Task Second_one_time_notice_does_not_count_the_first_stop_as_used_time()
    {
        var id = await h.SubmitAsync(h.Plan("APP-TWICE", [("HUD", "CP-PERMIT", 10)]));
        await h.WaitForAsync(id, v => v.Tasks.Count == 1);
        await h.DecideAsync(id, "HUD", "CP-PERMIT", "corrections", "first");
        await h.WaitForAsync(id, v => v.Status == "awaiting-corrections");

        await h.AdvanceToAsync(At(10, 9, 10));
        await h.ResubmitAsync(id);
        await h.WaitForAsync(id, v => v.Status == "under-review" && v.Tasks.Single().Round == 2);

        // Round 2 runs Friday 9 October 10:00 to Monday 12 October 10:00: Saturday 10 (worked) and Monday 12 = 2 working days.
        await h.AdvanceToAsync(At(10, 12, 10));
        await h.DecideAsync(id, "HUD", "CP-PERMIT", "corrections", "second");
        await h.WaitForAsync(id, v => v.Status == "awaiting-corrections" && v.Notices.Count == 2);
        await h.AdvanceToAsync(At(10, 14, 10));
        await h.ResubmitAsync(id);
        var third = await h.WaitForAsync(id, v => v.Status == "under-review" && v.Tasks.Single().Round == 3);

        var expected = h.Calendar.Compute(new DeadlineRequest(At(10, 14, 10), 10 - 2));
        Assert.Equal(expected.DueAt, third.Tasks.Single().DueAt);
        Assert.Equal("green", third.Tasks.Single().Light);
    }

    // Issue 18 rule 3. Shandong 2023 measure 31 (容缺受理) and the national rule on acceptance with gaps
    // (../shared/domain.md, "Acceptance with gaps"): the application is accepted and reviewed with a secondary material
    // missing; the decision is issued once it arrives, and the catch-up period, counted from acceptance, may not exceed
    // the item's promised completion time.
    [Fact]
    public async Task Gap_acceptance_issues_the_decision_only_after_the_supply_within_the_items_limit_from_acceptance()
    {
        var plan = h.Plan("APP-GAP", [("HUD", "CP-PERMIT", 7)],
            [ApprovalHarness.Commitment("G1", "SITE-PLAN", "supplement", ["CP-PERMIT"], within: 7, gap: true)]);
        var id = await h.SubmitAsync(plan);
        await h.WaitForAsync(id, v => v.Tasks.Count == 1 && v.Commitments.Single().DueAt is not null);

        await h.AdvanceToAsync(At(10, 9, 10));
        await h.DecideAsync(id, "HUD", "CP-PERMIT", "approve");
        var approved = await h.WaitForAsync(id, v => v.Tasks.Single().State == "approved" && v.Timeline.Any(e => e.Event.Contains("held", StringComparison.Ordinal)));
        Assert.Empty(approved.Certificates);
        var window = h.Calendar.Compute(new DeadlineRequest(plan.AcceptedAt, 7));
        Assert.Equal(window.DueAt, approved.Commitments.Single().DueAt);

        var sitePlan = await h.Materials.PutAsync(new MemoryStream("%PDF-1.7 site plan"u8.ToArray()), plan.Uscc, "site-plan.pdf", 1_000_000);
        var supplied = await h.Commands.SupplyMaterialAsync(id, new("SITE-PLAN", sitePlan.MaterialId), plan.Uscc);
        Assert.True(supplied.Succeeded, supplied.Detail);
        var issued = await h.WaitForAsync(id, v => v.Certificates.Count == 1);
        Assert.Equal("supplied", issued.Commitments.Single().Status);
        Assert.True(issued.Timeline.Single(e => e.Event.StartsWith("certificate", StringComparison.Ordinal)).At >=
            issued.Timeline.Single(e => e.Event.StartsWith("SITE-PLAN supplied", StringComparison.Ordinal)).At);
    }

    // Issue 18 rule 3, the other side: a gap not supplied within the item's limit counted from acceptance is a broken
    // commitment and no decision issues for the items that depend on it (Shandong 2023 measure 31; domain.md).
    [Fact]
    public async Task Gap_not_supplied_within_the_items_limit_from_acceptance_issues_no_decision()
    {
        var plan = h.Plan("APP-GAP-LATE", [("HUD", "CP-PERMIT", 7)],
            [ApprovalHarness.Commitment("G1", "SITE-PLAN", "supplement", ["CP-PERMIT"], within: 7, gap: true)]);
        var id = await h.SubmitAsync(plan);
        await h.WaitForAsync(id, v => v.Tasks.Count == 1);
        await h.DecideAsync(id, "HUD", "CP-PERMIT", "approve");

        var window = h.Calendar.Compute(new DeadlineRequest(plan.AcceptedAt, 7));
        await h.AdvanceToAsync(window.DueAt);
        var closed = await h.WaitForAsync(id, v => v.Status == "closed");
        Assert.Empty(closed.Certificates);
        Assert.Equal("broken", closed.Commitments.Single().Status);
        Assert.Equal(["broken"], (await h.Credit.ReadAsync(plan.Uscc)).Select(r => r.Kind));
    }

    // Issue 18 rule 6. Shandong 2023 measure 29 (分级分类监管: random sampling by risk) and the national commitment rule
    // (../shared/domain.md, "Commitment route": all complaints checked): a commitment the draw left out is not thereby
    // verified. At the end of its window it is recorded as "not sampled, no finding", its own outcome, and earns no
    // credit bonus (grade A and halved sampling are for verified commitments).
    [Fact]
    public async Task Unsampled_commitment_ends_not_sampled_with_no_finding_and_earns_no_credit_bonus()
    {
        var plan = h.Plan("APP-UNSAMPLED", [("HUD", "CP-PERMIT", 7)],
            [ApprovalHarness.Commitment("C1", "ENERGY-REPORT", "retained", ["CP-PERMIT"], within: 10, sampled: false)]);
        var id = await h.SubmitAsync(plan);
        await h.WaitForAsync(id, v => v.Tasks.Count == 1);
        await h.DecideAsync(id, "HUD", "CP-PERMIT", "approve");
        var verifying = await h.WaitForAsync(id, v => v.Status == "verifying" && v.Commitments[0].DueAt is not null);

        await h.AdvanceToAsync(verifying.Commitments[0].DueAt!.Value);
        var closed = await h.WaitForAsync(id, v => v.Status == "closed");
        Assert.Equal("not-sampled", closed.Commitments[0].Status);
        Assert.DoesNotContain(await h.Credit.ReadAsync(plan.Uscc), r => r.Kind == "fulfilled");
        Assert.Equal("valid", closed.Certificates.Single().Status);
    }

    // Issue 18 rule 6, the window stays open: a complaint (投诉) or an inspection may reach an unsampled commitment at
    // any time until its window ends, and what it finds is enforced (Shandong 2023 measure 29; domain.md, "all
    // complaints checked").
    [Fact]
    public async Task Unsampled_commitment_accepts_a_complaint_and_its_inspection_until_the_window_ends()
    {
        var plan = h.Plan("APP-COMPLAINT", [("HUD", "CP-PERMIT", 7)],
            [ApprovalHarness.Commitment("C1", "ENERGY-REPORT", "retained", ["CP-PERMIT"], within: 10, sampled: false)]);
        var id = await h.SubmitAsync(plan);
        await h.WaitForAsync(id, v => v.Tasks.Count == 1);
        await h.DecideAsync(id, "HUD", "CP-PERMIT", "approve");
        await h.WaitForAsync(id, v => v.Status == "verifying" && v.Commitments[0].DueAt is not null);

        await h.AdvanceToAsync(At(10, 12, 10));
        await h.Commands.ComplainAsync(id, "C1", "邻居投诉：节能措施未落实 / neighbour: insulation missing");
        var complained = await h.WaitForAsync(id, v => v.Commitments[0].Sampled);
        Assert.Contains(await h.Records.ListAsync(NotifyActivity.Scope), n => n.Key == $"{id}/C1/complaint-inspection");
        Assert.Equal("open", complained.Commitments[0].Status);

        await h.InspectAsync(id, "C1", "fail", findings: "外墙保温缺失 / no insulation");
        var revoked = await h.WaitForAsync(id, v => v.Status == "revoked");
        Assert.Equal("broken", revoked.Commitments[0].Status);
    }

    /// <summary>A made-up 2027 schedule for the tests: 1–3 January off, Thursday 7 January also off.</summary>
    internal static CalendarDeadlineCalculator With2027() =>
        new(WorkingDayCalendar.FromEmbeddedData().WithSchedules([new HolidaySchedule(2027,
            new HashSet<DateOnly> { new(2027, 1, 1), new(2027, 1, 2), new(2027, 1, 3), new(2027, 1, 7) }, new HashSet<DateOnly>())]));

    // Issue 18 rule 11. ../shared/domain.md "Working days": a deadline that reaches into a year whose schedule is not
    // loaded is flagged provisional and recomputed when the schedule is loaded; never silently treated as final. Shandong
    // 2023 measure 15 (审批用时管理) makes every deadline of the process count, not only the review tasks': here the
    // one-time notice's answer date and a commitment's verification window.
    [Fact]
    public async Task Provisional_notice_answer_date_and_verification_window_are_computed_again_when_the_schedule_is_loaded()
    {
        await h.AdvanceToAsync(new DateTimeOffset(2026, 12, 21, 9, 0, 0, Shanghai));
        var noticeId = await h.SubmitAsync(h.Plan("APP-2027-NOTICE", [("HUD", "CP-PERMIT", 3)]));
        var windowId = await h.SubmitAsync(h.Plan("APP-2027-WINDOW", [("HUD", "CP-PERMIT", 3)],
            [ApprovalHarness.Commitment("C1", "SITE-SAFETY", "on-site", ["CP-PERMIT"], within: 10)]));
        await h.WaitForAsync(noticeId, v => v.Tasks.Count == 1);
        await h.WaitForAsync(windowId, v => v.Tasks.Count == 1);
        await h.DecideAsync(noticeId, "HUD", "CP-PERMIT", "corrections", "缺少图纸 / drawings missing");
        await h.DecideAsync(windowId, "HUD", "CP-PERMIT", "approve");
        var notice = (await h.WaitForAsync(noticeId, v => v.Status == "awaiting-corrections")).Notices.Single();
        var window = (await h.WaitForAsync(windowId, v => v.Status == "verifying" && v.Commitments[0].DueAt is not null)).Commitments.Single();
        Assert.True(notice.Provisional);
        Assert.True(window.Provisional);

        var refresher = new ProvisionalDeadlines(new ApplicationQueries(h.Client, h.Calendar, h.Clock), h.Client, h.Calendar);
        Assert.Equal(0, await refresher.RefreshAsync());
        h.Calendar.Current = With2027();
        Assert.Equal(2, await refresher.RefreshAsync());

        var finalNotice = (await h.WaitForAsync(noticeId, v => !v.Notices.Single().Provisional)).Notices.Single();
        var finalWindow = (await h.WaitForAsync(windowId, v => !v.Commitments.Single().Provisional)).Commitments.Single();
        Assert.True(finalNotice.AnswerBy > notice.AnswerBy, $"7 January off moves the answer date later: {finalNotice.AnswerBy} vs {notice.AnswerBy}");
        Assert.True(finalWindow.DueAt > window.DueAt, $"7 January off moves the window later: {finalWindow.DueAt} vs {window.DueAt}");

        // The timers follow the final dates: at the provisional answer date the application is still waiting.
        await h.AdvanceToAsync(notice.AnswerBy.AddHours(1));
        Assert.Equal("awaiting-corrections", (await h.WaitForAsync(noticeId, _ => true)).Status);
        await h.AdvanceToAsync(finalNotice.AnswerBy.AddHours(1));
        await h.WaitForAsync(noticeId, v => v.Status == "closed");
    }
}
