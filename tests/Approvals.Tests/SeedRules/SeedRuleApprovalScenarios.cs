using Approvals.Activities;
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
}
