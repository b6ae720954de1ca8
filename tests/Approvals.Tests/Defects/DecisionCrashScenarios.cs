using Approvals.Applications;
using Approvals.Stores;
using Approvals.Tests.Orchestrations;

namespace Approvals.Tests.Defects;

/// <summary>
/// Issue 14, defect 1: a department decision must not be lost when the process dies between remembering its message
/// id and raising it. The decision is raised first; a failure while remembering it loses nothing, and the redelivery
/// the queue makes afterwards changes nothing.
/// </summary>
public sealed class DecisionCrashScenarios : IAsyncLifetime
{
    private readonly ApprovalHarness h = new();

    public Task InitializeAsync() => h.StartAsync();

    public async Task DisposeAsync() => await h.DisposeAsync();

    [Fact]
    public async Task Decision_whose_message_id_could_not_be_remembered_is_still_applied_and_its_redelivery_changes_nothing()
    {
        var id = await h.SubmitAsync(h.Plan("APP-CRASH", [("HUD", "CP-PERMIT", 10)]));
        await h.WaitForAsync(id, v => v.Tasks.Count == 1);
        var failing = new ApplicationCommands(h.Client, new RecordsThatFailOnce(h.Records), h.Materials, h.Clock);
        var decision = new DepartmentDecision("m-1", "HUD", "CP-PERMIT", "approve", "同意", "reviewer", h.Clock.GetUtcNow());

        // The process "dies" while remembering the message id: the caller sees a failure, the queue will redeliver.
        await Assert.ThrowsAsync<IOException>(() => failing.DecideAsync(id, decision, "HUD"));
        var approved = await h.WaitForAsync(id, v => v.Tasks.Single().State == "approved" && v.Certificates.Count > 0);
        Assert.Single(approved.Certificates);

        var redelivered = await h.Commands.DecideAsync(id, decision, "HUD");
        Assert.NotEqual(CommandOutcome.Accepted, redelivered.Outcome);
        await h.VirtualClock.DrainAsync(ApprovalHarness.Timeout());
        var after = (await h.Client.GetInstanceAsync(id, getInputsAndOutputs: true))!.ReadCustomStatusAs<ApplicationStatusView>()!;
        Assert.Single(after.Certificates);
        Assert.Equal("approved", after.Tasks.Single().State);
    }

    private sealed class RecordsThatFailOnce(IKeyedRecords inner) : IKeyedRecords
    {
        private int calls;

        public Task<(bool Added, string Value)> TryAddAsync(string scope, string key, string value, CancellationToken cancellationToken = default) =>
            Interlocked.Increment(ref calls) == 1 ? throw new IOException("the process died here") : inner.TryAddAsync(scope, key, value, cancellationToken);

        public Task<string?> GetAsync(string scope, string key, CancellationToken cancellationToken = default) => inner.GetAsync(scope, key, cancellationToken);

        public Task<IReadOnlyList<(string Key, string Value)>> ListAsync(string scope, string keyPrefix = "", CancellationToken cancellationToken = default) => inner.ListAsync(scope, keyPrefix, cancellationToken);
    }
}
