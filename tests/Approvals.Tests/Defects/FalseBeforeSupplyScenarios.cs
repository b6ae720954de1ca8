using Approvals.Applications;
using Approvals.Tests.Orchestrations;

namespace Approvals.Tests.Defects;

/// <summary>
/// Issue 14, defect 4: a "false" inspection on a supplement commitment whose material never came was answered 202 and
/// lost (the commitment then ended broken, grade C). It is applied: the commitment ends false, with its consequences.
/// Any other result before the material arrives is refused with the reason.
/// </summary>
public sealed class FalseBeforeSupplyScenarios : IAsyncLifetime
{
    private readonly ApprovalHarness h = new();

    public Task InitializeAsync() => h.StartAsync();

    public async Task DisposeAsync() => await h.DisposeAsync();

    private async Task<(string Id, ApplicationPlan Plan)> VerifyingAsync(string id)
    {
        var plan = h.Plan(id, [("HUD", "CP-PERMIT", 10)], [ApprovalHarness.Commitment("C1", "DRAWING-REVIEW-CERT", "supplement", ["CP-PERMIT"])]);
        await h.SubmitAsync(plan);
        await h.WaitForAsync(id, v => v.Tasks.Count == 1);
        await h.DecideAsync(id, "HUD", "CP-PERMIT", "approve");
        await h.WaitForAsync(id, v => v.Status == "verifying" && v.Commitments[0].DueAt is not null && v.Certificates.Count == 1);
        return (id, plan);
    }

    [Fact]
    public async Task A_false_finding_before_the_material_was_supplied_ends_the_commitment_false_not_broken()
    {
        var (id, plan) = await VerifyingAsync("APP-FALSE-EARLY");

        var result = await h.Commands.InspectAsync(id, new InspectionResult("C1", "false", "图审合格书系伪造 / the certificate is forged", "HUD", h.Clock.GetUtcNow()), "HUD");

        Assert.Equal(CommandOutcome.Accepted, result.Outcome);
        var revoked = await h.WaitForAsync(id, v => v.Status == "revoked");
        Assert.Equal("false", revoked.Commitments[0].Status);
        Assert.Equal("revoked", revoked.Certificates[0].Status);
        await h.AdvanceToAsync(h.Clock.GetUtcNow().AddDays(60));
        var kinds = (await h.Credit.ReadAsync(plan.Uscc)).Select(r => r.Kind).ToList();
        Assert.Contains("false-commitment", kinds);
        Assert.DoesNotContain("broken", kinds);
    }

    [Theory]
    [InlineData("pass")]
    [InlineData("fail")]
    public async Task Another_result_before_the_material_was_supplied_is_refused_with_the_reason(string outcome)
    {
        var (id, _) = await VerifyingAsync("APP-EARLY-" + outcome);

        var result = await h.Commands.InspectAsync(id, new InspectionResult("C1", outcome, null, "HUD", h.Clock.GetUtcNow()), "HUD");

        Assert.Equal(CommandOutcome.Conflict, result.Outcome);
        Assert.Contains("has not been supplied", result.Detail);
    }
}
