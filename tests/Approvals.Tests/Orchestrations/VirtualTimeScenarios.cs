using Approvals.Applications;

namespace Approvals.Tests.Orchestrations;

/// <summary>
/// The virtual clock steps through every durable timer in order: a jump of months in one call still has each timer fire
/// with the orchestration's time equal to its own due time, so the timeline and the credit record carry the right dates.
/// </summary>
public sealed class VirtualTimeScenarios : IAsyncLifetime
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    private readonly ApprovalHarness h = new();

    public Task InitializeAsync() => h.StartAsync();

    public async Task DisposeAsync() => await h.DisposeAsync();

    [Fact]
    public async Task Supplement_due_in_about_90_days_is_recorded_broken_on_its_own_day_when_one_advance_jumps_five_months()
    {
        // 60 working days from 2026-09-28: about 90 calendar days with National Day week, due late December.
        var plan = h.Plan("APP-90D", [("HUD", "CP-PERMIT", 7)], [ApprovalHarness.Commitment("C1", "FUNDS-PROOF", "supplement", ["CP-PERMIT"], within: 60)]);
        var id = await h.SubmitAsync(plan);
        await h.WaitForAsync(id, v => v.Tasks.Count == 1);
        await h.DecideAsync(id, "HUD", "CP-PERMIT", "approve");
        var verifying = await h.WaitForAsync(id, v => v.Status == "verifying" && v.Commitments[0].DueAt is not null);
        var due = verifying.Commitments[0].DueAt!.Value;
        Assert.InRange((due - ApprovalHarness.Monday).TotalDays, 80, 100);

        await h.AdvanceToAsync(ApprovalHarness.Monday.AddDays(150));

        var revoked = await h.WaitForAsync(id, v => v.Status == "revoked");
        var broken = revoked.Timeline.Single(e => e.Event.StartsWith("commitment C1 broken", StringComparison.Ordinal));
        Assert.Equal(Minute(due), Minute(broken.At));
        Assert.Equal(Minute(due), Minute(revoked.Clock.ClosedAt!.Value));
        var credit = await h.Credit.ReadAsync(plan.Uscc);
        Assert.Equal([("broken", Minute(due)), ("revocation", Minute(due))], credit.Select(r => (r.Kind, Minute(r.OccurredAt))));
        Assert.Equal(ApprovalHarness.Monday.AddDays(150), h.Clock.GetUtcNow());
    }

    /// <summary>Shanghai time to the minute, as people are shown it.</summary>
    private static string Minute(DateTimeOffset at) => at.ToOffset(Shanghai).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
