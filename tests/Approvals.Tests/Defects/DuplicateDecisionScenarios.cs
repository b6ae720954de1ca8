using Approvals.Applications;
using Approvals.Tests.Orchestrations;

namespace Approvals.Tests.Defects;

/// <summary>
/// Issue 14, defect 2: a second decision for a task already decided (a retry with another message id, a duplicate
/// redelivery) must never be used in the next review round; decisions carry the task's round.
/// </summary>
public sealed class DuplicateDecisionScenarios : IAsyncLifetime
{
    private readonly ApprovalHarness h = new();

    public Task InitializeAsync() => h.StartAsync();

    public async Task DisposeAsync() => await h.DisposeAsync();

    [Fact]
    public async Task Late_duplicate_of_a_round_one_decision_is_not_taken_as_the_decision_on_the_corrected_materials()
    {
        var id = await h.SubmitAsync(h.Plan("APP-DUP", [("HUD", "CP-PERMIT", 10)]));
        await h.WaitForAsync(id, v => v.Tasks.Count == 1);
        await h.DecideAsync(id, "HUD", "CP-PERMIT", "corrections", "总平面图缺少尺寸 / site plan lacks dimensions");
        await h.WaitForAsync(id, v => v.Status == "awaiting-corrections");
        // The same round-1 answer arrives again with another message id (a client retrying a timeout).
        await h.Client.RaiseEventAsync(id, Signals.Decision("HUD", "CP-PERMIT", round: 1),
            new DepartmentDecision("m-retry", "HUD", "CP-PERMIT", "approve", "同意", "reviewer", h.Clock.GetUtcNow()));

        await h.ResubmitAsync(id);
        var second = await h.WaitForAsync(id, v => v.Status == "under-review" && v.Tasks.Any(t => t.Round == 2));
        await h.VirtualClock.DrainAsync(ApprovalHarness.Timeout());

        var status = (await h.Client.GetInstanceAsync(id, getInputsAndOutputs: true))!.ReadCustomStatusAs<ApplicationStatusView>()!;
        Assert.Equal("pending", status.Tasks.Single(t => t.Round == 2).State);
        Assert.Empty(status.Certificates);
        Assert.Equal("under-review", second.Status);
    }
}
