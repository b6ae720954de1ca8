using Approvals.Applications;
using Approvals.Supervision;
using Approvals.Tests.Orchestrations;

namespace Approvals.Tests.Supervision;

/// <summary>The daily commitment audit and the monthly report, over applications running on the engine.</summary>
public sealed class SupervisionTests : IAsyncLifetime
{
    private readonly ApprovalHarness h = new();

    public Task InitializeAsync() => h.StartAsync();

    public async Task DisposeAsync() => await h.DisposeAsync();

    private ApplicationQueries Queries => new(h.Client, h.Calendar, h.Clock);

    private async Task<ApplicationStatusView> VerifyingAsync(string id, int within)
    {
        var plan = h.Plan(id, [("HUD", "CP-PERMIT", 7)], [ApprovalHarness.Commitment("C1", "FUNDS-PROOF", "supplement", ["CP-PERMIT"], within: within)]);
        await h.SubmitAsync(plan);
        await h.WaitForAsync(id, v => v.Tasks.Count == 1);
        await h.DecideAsync(id, "HUD", "CP-PERMIT", "approve");
        return await h.WaitForAsync(id, v => v.Status == "verifying" && v.Commitments[0].DueAt is not null);
    }

    [Fact]
    public async Task Audit_reminds_of_commitments_due_soon_and_lists_broken_ones_after_their_deadline()
    {
        var verifying = await VerifyingAsync("APP-AUDIT", within: 2);
        var auditor = new CommitmentAuditor(Queries, h.Calendar, h.Records);

        var early = await auditor.RunAsync(h.Clock.GetUtcNow());
        Assert.Equal("APP-AUDIT", Assert.Single(early.DueSoon).ApplicationId);
        Assert.Empty(early.Broken);
        Assert.Contains(await h.Records.ListAsync(CommitmentAuditor.NotificationScope), n => n.Key == "C1/due-soon");

        await h.AdvanceToAsync(verifying.Commitments[0].DueAt!.Value);
        await h.WaitForAsync("APP-AUDIT", v => v.Status == "revoked");
        var late = await auditor.RunAsync(h.Clock.GetUtcNow());

        Assert.Empty(late.DueSoon);
        Assert.Equal("C1", Assert.Single(late.Broken).CommitmentId);
        Assert.Equal(late.RunAt, (await auditor.LatestAsync())!.RunAt);
    }

    [Fact]
    public async Task Monthly_report_counts_decisions_with_their_working_days_and_commitment_outcomes()
    {
        var verifying = await VerifyingAsync("APP-REPORT", within: 5);
        await h.AdvanceToAsync(verifying.Commitments[0].DueAt!.Value);
        await h.WaitForAsync("APP-REPORT", v => v.Status == "revoked");
        Assert.True(MonthlyReportBuilder.TryParseMonth("2026-09", out var september));

        var report = await new MonthlyReportBuilder(Queries, h.Calendar).BuildAsync(september, h.Clock.GetUtcNow());

        Assert.Equal(1, report.ApplicationsAccepted);
        var permit = Assert.Single(report.Items);
        Assert.Equal(("CP-PERMIT", 1, 1, 0), (permit.Item, permit.Decided, permit.Approved, permit.Overdue));
        Assert.Equal(1, report.Commitments.Broken);
        Assert.Equal(1, report.CreditOutcomes["broken"]);
        var csv = MonthlyReportCsv.Write(report);
        Assert.Contains("item,CP-PERMIT,decided,1", csv);
        Assert.False(MonthlyReportBuilder.TryParseMonth("2026-13", out _));
    }

    [Fact]
    public async Task Monthly_report_does_not_count_the_days_the_clock_stood_still_for_corrections()
    {
        var plan = h.Plan("APP-PAUSE", [("HUD", "CP-PERMIT", 10)]);
        await h.SubmitAsync(plan);
        await h.WaitForAsync("APP-PAUSE", v => v.Tasks.Count == 1);
        await h.AdvanceToAsync(new DateTimeOffset(2026, 10, 12, 9, 0, 0, TimeSpan.FromHours(8)));
        await h.DecideAsync("APP-PAUSE", "HUD", "CP-PERMIT", "corrections", "补充");
        await h.WaitForAsync("APP-PAUSE", v => v.Status == "awaiting-corrections");
        await h.AdvanceToAsync(new DateTimeOffset(2026, 10, 15, 9, 0, 0, TimeSpan.FromHours(8)));
        await h.ResubmitAsync("APP-PAUSE");
        await h.WaitForAsync("APP-PAUSE", v => v.Status == "under-review" && v.Tasks[0].Round == 2);
        await h.AdvanceToAsync(new DateTimeOffset(2026, 10, 16, 9, 0, 0, TimeSpan.FromHours(8)));
        await h.DecideAsync("APP-PAUSE", "HUD", "CP-PERMIT", "approve");
        var done = await h.WaitForAsync("APP-PAUSE", v => v.Tasks[0].State == "approved");
        Assert.True(MonthlyReportBuilder.TryParseMonth("2026-10", out var october));

        var report = await new MonthlyReportBuilder(Queries, h.Calendar).BuildAsync(october, h.Clock.GetUtcNow());

        var total = h.Calendar.WorkingDaysBetween(plan.AcceptedAt, done.Tasks[0].DecidedAt!.Value);
        var paused = h.Calendar.WorkingDaysBetween(done.Clock.Paused[0].From, done.Clock.Paused[0].To!.Value);
        Assert.True(paused > 0, "the clock stood still for some working days");
        Assert.Equal(total - paused, Assert.Single(report.Items, i => i.Approved == 1).MaxWorkingDays);
    }
}
