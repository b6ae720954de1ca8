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

    [Fact]
    public async Task Two_decisions_sent_at_once_the_first_is_accepted_and_the_other_refused_with_the_reason_from_the_orchestration()
    {
        var id = await h.SubmitAsync(h.Plan("APP-RACE", [("HUD", "CP-PERMIT", 10), ("FIRE", "CP-FIREDESIGN", 10)]));
        await h.WaitForAsync(id, v => v.Tasks.Count == 2);
        // Both read a status that shows the task pending; only the orchestration knows which came first.
        var results = await Task.WhenAll(
            h.Commands.DecideAsync(id, new DepartmentDecision("m-a", "HUD", "CP-PERMIT", "approve", "同意", "王工", h.Clock.GetUtcNow()), "HUD"),
            h.Commands.DecideAsync(id, new DepartmentDecision("m-b", "HUD", "CP-PERMIT", "corrections", "补充 / add", "李工", h.Clock.GetUtcNow()), "HUD"));

        Assert.Single(results, r => r.Outcome == CommandOutcome.Accepted);
        var refused = Assert.Single(results, r => r.Outcome == CommandOutcome.Conflict);
        Assert.Contains("already decided", refused.Detail);
        var accepted = results[0].Outcome == CommandOutcome.Accepted ? "approved" : "corrections";
        var view = await h.WaitForAsync(id, v => v.Tasks.Single(t => t.Department == "HUD").State != "pending");
        Assert.Equal(accepted, view.Tasks.Single(t => t.Department == "HUD").State);
    }

    [Fact]
    public async Task On_the_queue_a_second_decision_raced_with_the_first_is_dead_lettered_with_the_reason()
    {
        var id = await h.SubmitAsync(h.Plan("APP-QRACE", [("HUD", "CP-PERMIT", 10)]));
        await h.WaitForAsync(id, v => v.Tasks.Count == 1);
        static string Message(string messageId, string applicationId, string decision) =>
            $$"""{"messageId":"{{messageId}}","applicationId":"{{applicationId}}","department":"HUD","item":"CP-PERMIT","decision":"{{decision}}","opinion":"ok"}""";

        var outcomes = await Task.WhenAll(h.Responses.HandleAsync(Message("q-1", id, "approve")), h.Responses.HandleAsync(Message("q-2", id, "reject")));

        Assert.Single(outcomes, o => o.Result == "applied");
        Assert.Single(outcomes, o => o.Result == "dead-lettered");
        var letter = Assert.Single(await h.DeadLetters.ListAsync(DepartmentResponseHandler.Queue));
        Assert.Contains("already decided", letter.Reason);
    }

    [Fact]
    public async Task A_decision_without_message_id_sent_twice_is_one_decision()
    {
        var id = await h.SubmitAsync(h.Plan("APP-NOID", [("HUD", "CP-PERMIT", 10)]));
        await h.WaitForAsync(id, v => v.Tasks.Count == 1);
        var decision = new DepartmentDecision(null, "HUD", "CP-PERMIT", "approve", "同意", "王工", h.Clock.GetUtcNow());

        var first = await h.Commands.DecideAsync(id, decision, "HUD");
        var retry = await h.Commands.DecideAsync(id, decision with { DecidedAt = h.Clock.GetUtcNow().AddMinutes(1) }, "HUD");

        Assert.Equal(CommandOutcome.Accepted, first.Outcome);
        Assert.Equal(CommandOutcome.Duplicate, retry.Outcome);
    }

    [Fact]
    public async Task A_retry_without_message_id_that_arrives_after_the_resubmission_does_not_decide_the_corrected_materials()
    {
        var id = await h.SubmitAsync(h.Plan("APP-LATE-RETRY", [("HUD", "CP-PERMIT", 10)]));
        await h.WaitForAsync(id, v => v.Tasks.Count == 1);
        var corrections = new DepartmentDecision(null, "HUD", "CP-PERMIT", "corrections", "总平面图缺少尺寸 / site plan lacks dimensions", "王工", h.Clock.GetUtcNow());
        Assert.Equal(CommandOutcome.Accepted, (await h.Commands.DecideAsync(id, corrections, "HUD")).Outcome);
        await h.WaitForAsync(id, v => v.Status == "awaiting-corrections");
        await h.ResubmitAsync(id);
        await h.WaitForAsync(id, v => v.Status == "under-review" && v.Tasks.Any(t => t.Round == 2));

        // The client's first call timed out; it sends the same body again, after the applicant has resubmitted.
        var retry = await h.Commands.DecideAsync(id, corrections, "HUD");
        var stale = await h.Commands.DecideAsync(id, corrections with { Decision = "approve", Opinion = "同意" }, "HUD", round: 1);
        var meant = await h.Commands.DecideAsync(id, corrections with { Decision = "approve", Opinion = "同意" }, "HUD", round: 2);

        Assert.Equal(CommandOutcome.Conflict, retry.Outcome);
        Assert.Contains("may be a retry", retry.Detail);
        Assert.Equal(CommandOutcome.Conflict, stale.Outcome);
        Assert.Contains("round 1 of CP-PERMIT is over", stale.Detail);
        Assert.Equal(CommandOutcome.Accepted, meant.Outcome);
        var view = await h.WaitForAsync(id, v => v.Tasks.Single(t => t.Round == 2).State != "pending");
        Assert.Equal("approved", view.Tasks.Single(t => t.Round == 2).State);
    }
}
