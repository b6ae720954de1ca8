using Approvals.Activities;
using Approvals.Applications;
using Approvals.Tests.JointAcceptance;
using Approvals.Tests.Orchestrations;

namespace Approvals.Tests.SeedRules;

/// <summary>Joint-acceptance workflow rules the seeds state (issue 18), on the embedded engine with a controllable clock.</summary>
public sealed class SeedRuleJointAcceptanceScenarios : IAsyncLifetime
{
    private readonly JointAcceptanceHarness h = new();

    public Task InitializeAsync() => h.StartAsync();

    public async Task DisposeAsync() => await h.DisposeAsync();

    // Issue 18 rule 12. Shandong 2023 measure 15 (审批用时管理): the clock stops only for the legal reasons, such as
    // waiting on the applicant; a department checking a commitment the applicant has already supplied is the
    // administration's own time, so joint acceptance waits for it with the clock running.
    [Fact]
    public async Task Joint_acceptance_stops_the_clock_only_while_waiting_on_the_applicant()
    {
        var earlier = await h.StartEarlierApprovalAsync("APP-EARLIER-SUPPLIED", "C-FUNDS", "FUNDS-PROOF");
        await h.Client.WaitForInstanceAsync(earlier, m => m.ReadCustomStatusAs<ApplicationStatusView>()?.Tasks.Count == 1, ApprovalHarness.Timeout());
        await h.Client.RaiseEventAsync(earlier, Signals.Decision("HUD", "CP-PERMIT"), new DepartmentDecision("m1", "HUD", "CP-PERMIT", "approve", null, "r", h.Clock.GetUtcNow()));
        await h.Client.WaitForInstanceAsync(earlier, m => m.ReadCustomStatusAs<ApplicationStatusView>() is { Status: "verifying" } v && v.Commitments[0].DueAt is not null, ApprovalHarness.Timeout());
        var funds = await h.Materials.PutAsync(new MemoryStream("%PDF-1.7 funds in place"u8.ToArray()), JointAcceptanceHarness.Uscc, "funds.pdf", 1_000_000);
        await h.Client.RaiseEventAsync(earlier, Signals.MaterialSupplied("FUNDS-PROOF"), new SuppliedMaterial("FUNDS-PROOF", funds.MaterialId));
        await h.Client.WaitForInstanceAsync(earlier, m => m.ReadCustomStatusAs<ApplicationStatusView>()?.Commitments[0].Status == "supplied", ApprovalHarness.Timeout());

        var plan = await h.PlanAsync(JointAcceptanceHarness.Request("APP-JA-SUPPLIED", "early"));
        var id = await h.SubmitAsync(plan);
        await h.AllFindingsAsync(plan);
        await h.AllPassAsync(plan);

        var blocked = await h.WaitForAsync(id, v => v.Status == "blocked");
        Assert.Contains("C-FUNDS (FUNDS-PROOF) of APP-EARLIER-SUPPLIED is supplied", blocked.JointAcceptance!.Reason, StringComparison.Ordinal);
        Assert.Empty(blocked.Clock.Paused);

        await h.Client.RaiseEventAsync(earlier, Signals.Inspection("C-FUNDS"), new InspectionResult("C-FUNDS", "pass", "checked", "HUD", h.Clock.GetUtcNow()));
        await h.Client.WaitForInstanceCompletionAsync(earlier, ApprovalHarness.Timeout());
        await h.RecheckCommitmentsAsync(id);

        var done = await h.WaitForAsync(id, v => v.Status == "closed");
        Assert.Equal("pass", done.AcceptanceOpinion!.Result);
        Assert.Empty(done.Clock.Paused);
    }

    // Issue 18 rule 6, at joint acceptance. Jinan 2021 (三)闭环审批: 审批部门在联合验收阶段……对设计方案联合审查阶段告知承诺事项进行
    // 全面核验 (Shandong 2023 measure 28, 联审联验、闭环管理): a commitment the sampling left unchecked is verified here by its
    // department, and a failed verification fails the acceptance.
    [Fact]
    public async Task Joint_acceptance_verifies_every_commitment_the_sampling_left_unchecked()
    {
        var earlier = await h.StartEarlierApprovalAsync("APP-EARLIER-UNSAMPLED", "C-ENERGY", "ENERGY-REPORT", "retained", sampled: false);
        await h.Client.WaitForInstanceAsync(earlier, m => m.ReadCustomStatusAs<ApplicationStatusView>()?.Tasks.Count == 1, ApprovalHarness.Timeout());
        await h.Client.RaiseEventAsync(earlier, Signals.Decision("HUD", "CP-PERMIT"), new DepartmentDecision("m1", "HUD", "CP-PERMIT", "approve", null, "r", h.Clock.GetUtcNow()));
        var verifying = await h.Client.WaitForInstanceAsync(earlier, m => m.ReadCustomStatusAs<ApplicationStatusView>() is { Status: "verifying" } v && v.Commitments[0].DueAt is not null, ApprovalHarness.Timeout());
        await h.AdvanceToAsync(verifying.ReadCustomStatusAs<ApplicationStatusView>()!.Commitments[0].DueAt!.Value);
        await h.Client.WaitForInstanceCompletionAsync(earlier, ApprovalHarness.Timeout());

        var plan = await h.PlanAsync(JointAcceptanceHarness.Request("APP-JA-FULL", "early"));
        var id = await h.SubmitAsync(plan);
        await h.AllFindingsAsync(plan);
        await h.AllPassAsync(plan);

        var checking = await h.WaitForAsync(id, v => v.Status == "blocked");
        Assert.Contains("C-ENERGY", checking.JointAcceptance!.Reason, StringComparison.Ordinal);
        Assert.Contains(await h.Records.ListAsync(NotifyActivity.Scope), n => n.Key == $"{id}/C-ENERGY/full-verification");

        var verified = await h.Commands.VerifyEarlierCommitmentAsync(id, new InspectionResult("C-ENERGY", "false", "无节能报告 / no energy report on file", "HUD", h.Clock.GetUtcNow()), "HUD");
        Assert.True(verified.Succeeded, verified.Detail);
        var failed = await h.WaitForAsync(id, v => v.Status == "rejected");
        Assert.Equal("fail", failed.AcceptanceOpinion!.Result);
        Assert.Equal("false", failed.JointAcceptance!.EarlierCommitments.Single().Status);
        Assert.Single(await h.Records.ListAsync(OpenEnforcementCaseActivity.Scope));
        var permit = (await h.Client.GetInstanceAsync(earlier, getInputsAndOutputs: true))!.ReadCustomStatusAs<ApplicationStatusView>()!.Certificates.Single();
        Assert.Equal("revoked", (await h.Certificates.GetAsync(permit.Number))!.Status);
    }

    // Issue 18 rule 11, joint acceptance. ../shared/domain.md "Working days": a provisional deadline is recomputed when
    // the schedule is loaded. Liaocheng 2022 (联验即发证) sets every step's limit in working days, and the rectification
    // period (Jining 2020, 整改后重新提出验收申请) is counted the same way: both follow the loaded schedule.
    [Fact]
    public async Task Provisional_joint_acceptance_steps_and_rectification_date_are_computed_again_when_the_schedule_is_loaded()
    {
        await h.AdvanceToAsync(new DateTimeOffset(2026, 12, 28, 9, 0, 0, TimeSpan.FromHours(8)));
        var plan = await h.PlanAsync(JointAcceptanceHarness.Request("APP-JA-2027", "early"));
        var id = await h.SubmitAsync(plan);
        await h.AllFindingsAsync(plan);
        var failing = plan.Inspections[0];
        await h.AllPassAsync(plan, failing.Item);
        await h.OpinionAsync(id, failing.Department, failing.Item, pass: false, "不合格", "补充疏散指示 / add exit signs");
        var waiting = await h.WaitForAsync(id, v => v.Status == "awaiting-rectification");
        var provisionalStep = waiting.Steps.FirstOrDefault(s => s.State != "done" && s.Provisional) ?? throw new Xunit.Sdk.XunitException(string.Join("; ", waiting.Steps) + " overall " + waiting.JointAcceptance);
        var rectification = waiting.Rectifications.Single();
        Assert.True(rectification.Provisional);

        var refresher = new ProvisionalDeadlines(h.Queries, h.Client, h.Calendar);
        Assert.Equal(0, await refresher.RefreshAsync());
        h.Calendar.Current = SeedRuleApprovalScenarios.With2027();
        Assert.Equal(1, await refresher.RefreshAsync());

        var final = await h.WaitForAsync(id, v => !v.Rectifications.Single().Provisional && v.Steps.All(s => s.State == "done" || !s.Provisional));
        Assert.True(final.Rectifications.Single().AnswerBy > rectification.AnswerBy);
        Assert.True(final.Steps.Single(s => s.Name == provisionalStep.Name).DueAt > provisionalStep.DueAt);
        Assert.False(final.JointAcceptance!.Provisional);
        Assert.Contains(final.Timeline, e => e.Event.Contains("computed again on the loaded holiday schedule", StringComparison.Ordinal));
    }

    // Issue 18 rule 8, the workflow. Shandong 2023 measure 8 (消防验收备案承诺制, 强化事中事后监管): the filing goes through on
    // the commitment and is checked afterwards; a commitment found broken revokes what rests on it (Shandong measure 21's
    // closed loop: 核查、执法、信用).
    [Fact]
    public async Task Fire_acceptance_filing_by_commitment_is_verified_after_the_acceptance_and_a_broken_one_revokes_it()
    {
        var planned = await h.PlanAsync(JointAcceptanceHarness.Request("APP-JA-FILING", "early", risk: "low"));
        var plan = planned with { Commitments = [ApprovalHarness.Commitment("APP-JA-FILING-C1", "FIRE-SITE-COMPLIANCE", "on-site", ["JA-FIRE-FILING"], "HUD", within: 15)] };
        var id = await h.SubmitAsync(plan);
        await h.AllFindingsAsync(plan);
        await h.AllPassAsync(plan);

        var verifying = await h.WaitForAsync(id, v => v.Status == "verifying" && v.Timeline.Any(e => e.Event.Contains("asked to inspect APP-JA-FILING-C1", StringComparison.Ordinal)));
        var certificate = Assert.Single(verifying.Certificates);
        Assert.Equal("valid", certificate.Status);
        Assert.Contains(await h.Records.ListAsync(NotifyActivity.Scope), n => n.Key == $"{id}/APP-JA-FILING-C1/inspection");

        var inspected = await new ApplicationCommands(h.Client, h.Records, h.Materials, h.Clock).InspectAsync(id,
            new InspectionResult("APP-JA-FILING-C1", "fail", "疏散通道堵塞 / exits blocked", "HUD", h.Clock.GetUtcNow()), "HUD");
        Assert.True(inspected.Succeeded, inspected.Detail);
        var revoked = await h.WaitForAsync(id, v => v.Status == "revoked");
        Assert.Equal("broken", revoked.Commitments.Single().Status);
        Assert.Equal("revoked", (await h.Certificates.GetAsync(certificate.Number))!.Status);
    }
}
