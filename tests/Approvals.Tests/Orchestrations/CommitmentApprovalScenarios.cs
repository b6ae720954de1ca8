using Approvals.Activities;
using Approvals.Notifications;
using Approvals.Stores;

namespace Approvals.Tests.Orchestrations;

/// <summary>The notify-and-commit workflow, path by path, on the embedded engine with a controllable clock.</summary>
public sealed class CommitmentApprovalScenarios : IAsyncLifetime
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    private readonly ApprovalHarness h = new();

    public Task InitializeAsync() => h.StartAsync();

    public async Task DisposeAsync() => await h.DisposeAsync();

    private static DateTimeOffset At(int month, int day, int hour = 0) => new(2026, month, day, hour, 0, 0, Shanghai);

    [Fact]
    public async Task All_departments_approve_and_every_commitment_is_kept_so_the_application_closes_with_valid_certificates()
    {
        var plan = h.Plan("APP-OK", [("HUD", "CP-PERMIT", 7), ("FIRE", "CP-FIREDESIGN", 15)],
        [
            ApprovalHarness.Commitment("C1", "FUNDS-PROOF", "supplement", ["CP-PERMIT"]),
            ApprovalHarness.Commitment("C2", "SITE-SAFETY", "on-site", ["CP-FIREDESIGN"], "FIRE"),
        ]);
        var id = await h.SubmitAsync(plan);
        var review = await h.WaitForAsync(id, v => v.Tasks.Count == 2 && v.CommitmentLetterHash is not null);
        Assert.All(review.Tasks, t => Assert.Equal(("pending", "green"), (t.State, t.Light)));
        Assert.NotNull(review.CommitmentLetterHash);
        Assert.Equal("application/pdf", (await h.Materials.GetAsync(review.CommitmentLetterHash!))!.ContentType);

        await h.DecideAsync(id, "HUD", "CP-PERMIT", "approve", "同意");
        await h.DecideAsync(id, "FIRE", "CP-FIREDESIGN", "approve");
        var verifying = await h.WaitForAsync(id, v => v.Status == "verifying" && v.Commitments.All(c => c.DueAt is not null));
        Assert.Equal(2, verifying.Certificates.Count);
        Assert.All(verifying.Certificates, c => Assert.StartsWith("https://portal.example/api/certificates/", c.VerifyUrl));

        var funds = await h.Materials.PutAsync(new MemoryStream("%PDF-1.7 funds in place"u8.ToArray()), plan.Uscc, "funds.pdf", 1_000_000);
        await h.SupplyAsync(id, "FUNDS-PROOF", funds.MaterialId);
        await h.WaitForAsync(id, v => v.Commitments.Single(c => c.Id == "C1").Status == "supplied");
        await h.InspectAsync(id, "C1", "pass");
        await h.InspectAsync(id, "C2", "pass", "FIRE");

        var closed = await h.WaitForAsync(id, v => v.Status == "closed");
        Assert.All(closed.Commitments, c => Assert.Equal("fulfilled", c.Status));
        foreach (var certificate in closed.Certificates) Assert.Equal("valid", (await h.Certificates.GetAsync(certificate.Number))!.Status);
        Assert.Equal(["fulfilled", "fulfilled"], (await h.Credit.ReadAsync(plan.Uscc)).Select(r => r.Kind));
    }

    [Fact]
    public async Task Department_running_late_turns_yellow_then_red_is_escalated_and_its_late_approval_still_counts()
    {
        var id = await h.SubmitAsync(h.Plan("APP-LATE", [("HUD", "CP-PERMIT", 5)]));
        var pending = await h.WaitForAsync(id, v => v.Tasks.Count == 1);

        // Five working days from Monday 28 September: 29, 30 September, then National Day week, then 8, 9 and Saturday 10 October (a workday).
        Assert.Equal(At(10, 11), pending.Tasks[0].DueAt);

        await h.AdvanceToAsync(At(10, 10, 8));
        await h.WaitForAsync(id, v => v.Tasks[0].Light == "yellow");
        await h.AdvanceToAsync(At(10, 11, 8));
        var red = await h.WaitForAsync(id, v => v.Tasks[0].Light == "red");
        Assert.Contains(red.Timeline, e => e.Event.Contains("escalated", StringComparison.Ordinal));
        Assert.Contains(await h.Records.ListAsync(NotifyActivity.Scope), n => n.Key.EndsWith("/red", StringComparison.Ordinal));

        await h.DecideAsync(id, "HUD", "CP-PERMIT", "approve", "late but fine");
        var done = await h.WaitForAsync(id, v => v.Status == "closed");
        Assert.Equal(("approved", "red"), (done.Tasks[0].State, done.Tasks[0].Light));
        Assert.Single(done.Certificates);
    }

    [Fact]
    public async Task Corrections_from_two_departments_make_one_notice_stop_the_clock_and_only_they_review_again()
    {
        var id = await h.SubmitAsync(h.Plan("APP-FIX", [("HUD", "CP-PERMIT", 10), ("FIRE", "CP-FIREDESIGN", 10), ("CAD", "CP-CIVILDEF", 10)]));
        await h.WaitForAsync(id, v => v.Tasks.Count == 3);
        await h.DecideAsync(id, "HUD", "CP-PERMIT", "corrections", "总平面图缺少尺寸 / site plan lacks dimensions");
        await h.DecideAsync(id, "FIRE", "CP-FIREDESIGN", "corrections", "消防车道宽度不足 / fire lane too narrow");
        await h.DecideAsync(id, "CAD", "CP-CIVILDEF", "approve");

        var waiting = await h.WaitForAsync(id, v => v.Status == "awaiting-corrections");
        var notice = Assert.Single(waiting.Notices);
        Assert.Equal("one-time-notice", notice.Kind);
        Assert.Equal(["FIRE", "HUD"], notice.Corrections.Select(c => c.Department).Order());
        Assert.Equal("awaiting-corrections", Assert.Single(waiting.Clock.Paused).Reason);

        await h.AdvanceToAsync(At(10, 9, 10));
        await h.ResubmitAsync(id);
        var second = await h.WaitForAsync(id, v => v.Status == "under-review" && v.Tasks.Count(t => t.Round == 2) == 2);
        var pause = Assert.Single(second.Clock.Paused);
        Assert.Equal(At(10, 9, 10), pause.To);
        Assert.Equal("approved", second.Tasks.Single(t => t.Department == "CAD").State);
        Assert.All(second.Tasks.Where(t => t.Round == 2), t => Assert.True(t.DueAt > At(10, 9, 10)));

        var requests = (await h.Records.ListAsync(NotifyActivity.Scope)).Select(n => n.Key).ToList();
        Assert.Contains($"{id}/HUD/round-2", requests);
        Assert.Contains($"{id}/FIRE/round-2", requests);
        Assert.DoesNotContain($"{id}/CAD/round-2", requests);
        var notices = (await h.DepartmentTasks.ReceiveAsync(100, TimeSpan.FromMinutes(1))).Select(m => EmbeddedDepartmentNotifier.Parse(m.Body)).ToList();
        Assert.Contains(notices, n => (n.Department, n.TaskId, n.Event) == ("HUD", $"{id}/HUD/round-2", "review-request"));
        Assert.DoesNotContain(notices, n => n.TaskId == $"{id}/CAD/round-2");

        await h.DecideAsync(id, "HUD", "CP-PERMIT", "approve");
        await h.DecideAsync(id, "FIRE", "CP-FIREDESIGN", "approve");
        var done = await h.WaitForAsync(id, v => v.Status == "closed");
        Assert.Equal(3, done.Certificates.Count);
    }

    [Fact]
    public async Task Unanswered_one_time_notice_closes_the_application_as_withdrawn_when_the_period_ends()
    {
        var id = await h.SubmitAsync(h.Plan("APP-SILENT", [("HUD", "CP-PERMIT", 10)]));
        await h.WaitForAsync(id, v => v.Tasks.Count == 1);
        await h.DecideAsync(id, "HUD", "CP-PERMIT", "corrections", "missing drawings");
        var waiting = await h.WaitForAsync(id, v => v.Status == "awaiting-corrections");

        await h.AdvanceToAsync(waiting.Notices[0].AnswerBy);
        var closed = await h.WaitForAsync(id, v => v.Status == "closed");
        Assert.Contains(closed.Timeline, e => e.Event.Contains("withdrawn", StringComparison.Ordinal));
        Assert.Empty(closed.Certificates);
    }

    [Fact]
    public async Task Rejection_by_one_department_rejects_the_application_with_every_reason()
    {
        var id = await h.SubmitAsync(h.Plan("APP-NO", [("HUD", "CP-PERMIT", 10), ("FIRE", "CP-FIREDESIGN", 10)]));
        await h.WaitForAsync(id, v => v.Tasks.Count == 2);
        await h.DecideAsync(id, "HUD", "CP-PERMIT", "reject", "用地性质不符 / land use does not allow it");
        await h.DecideAsync(id, "FIRE", "CP-FIREDESIGN", "approve");

        var rejected = await h.WaitForAsync(id, v => v.Status == "rejected");
        Assert.Contains(rejected.Timeline, e => e.Event.Contains("land use does not allow it", StringComparison.Ordinal));
        Assert.Empty(rejected.Certificates);
    }

    [Fact]
    public async Task Supplement_never_supplied_revokes_only_the_dependent_certificate_and_is_recorded_in_credit()
    {
        var plan = h.Plan("APP-BROKEN", [("HUD", "CP-PERMIT", 7), ("FIRE", "CP-FIREDESIGN", 10)],
            [ApprovalHarness.Commitment("C1", "FUNDS-PROOF", "supplement", ["CP-PERMIT"], within: 20)]);
        var id = await h.SubmitAsync(plan);
        await h.WaitForAsync(id, v => v.Tasks.Count == 2);
        await h.DecideAsync(id, "HUD", "CP-PERMIT", "approve");
        await h.DecideAsync(id, "FIRE", "CP-FIREDESIGN", "approve");
        var verifying = await h.WaitForAsync(id, v => v.Status == "verifying" && v.Commitments[0].DueAt is not null);

        await h.AdvanceToAsync(verifying.Commitments[0].DueAt!.Value);
        var revoked = await h.WaitForAsync(id, v => v.Status == "revoked");

        Assert.Equal("broken", revoked.Commitments[0].Status);
        var permit = revoked.Certificates.Single(c => c.Item == "CP-PERMIT");
        var fire = revoked.Certificates.Single(c => c.Item == "CP-FIREDESIGN");
        Assert.Equal(("revoked", "valid"), (permit.Status, fire.Status));
        Assert.Equal("revoked", (await h.Certificates.GetAsync(permit.Number))!.Status);
        Assert.Equal("valid", (await h.Certificates.GetAsync(fire.Number))!.Status);
        Assert.Equal(["broken", "revocation"], (await h.Credit.ReadAsync(plan.Uscc)).Select(r => r.Kind));
        Assert.Single(await h.Records.ListAsync(OpenEnforcementCaseActivity.Scope));
    }

    [Fact]
    public async Task False_commitment_found_on_site_revokes_and_records_a_false_commitment()
    {
        var plan = h.Plan("APP-FALSE", [("FIRE", "CP-FIREDESIGN", 10)],
            [ApprovalHarness.Commitment("C9", "SITE-FIRE", "on-site", ["CP-FIREDESIGN"], "FIRE")], risk: "high");
        var id = await h.SubmitAsync(plan);
        await h.WaitForAsync(id, v => v.Tasks.Count == 1);
        await h.DecideAsync(id, "FIRE", "CP-FIREDESIGN", "approve");
        await h.WaitForAsync(id, v => v.Status == "verifying" && v.Commitments[0].DueAt is not null);
        await h.InspectAsync(id, "C9", "false", "FIRE", "现场无喷淋系统 / no sprinklers on site");

        var revoked = await h.WaitForAsync(id, v => v.Status == "revoked");
        Assert.Equal("false", revoked.Commitments[0].Status);
        Assert.Equal("revoked", revoked.Certificates[0].Status);
        Assert.Equal("false-commitment", (await h.Credit.ReadAsync(plan.Uscc))[0].Kind);
    }

    [Fact]
    public async Task Inspection_result_that_never_comes_turns_red_and_is_escalated_never_assumed_to_pass()
    {
        var id = await h.SubmitAsync(h.Plan("APP-NOINSPECT", [("FIRE", "CP-FIREDESIGN", 10)],
            [ApprovalHarness.Commitment("C5", "SITE-FIRE", "on-site", ["CP-FIREDESIGN"], "FIRE", within: 10)]));
        await h.WaitForAsync(id, v => v.Tasks.Count == 1);
        await h.DecideAsync(id, "FIRE", "CP-FIREDESIGN", "approve");
        var verifying = await h.WaitForAsync(id, v => v.Status == "verifying" && v.Commitments[0].DueAt is not null);

        await h.AdvanceToAsync(verifying.Commitments[0].DueAt!.Value.AddDays(60));
        var red = await h.WaitForAsync(id, v => v.Commitments[0].Light == "red");
        Assert.Equal("verifying", red.Status);
        Assert.Equal("open", red.Commitments[0].Status);
        Assert.Contains(await h.Records.ListAsync(NotifyActivity.Scope), n => n.Key == $"{id}/C5/red");
        Assert.Empty(await h.Credit.ReadAsync("91350100M000100Y43"));
    }

    [Fact]
    public async Task Unattended_items_are_approved_at_once_without_any_department_task_and_still_verified()
    {
        var plan = h.Plan("APP-AUTO", [],
            [ApprovalHarness.Commitment("C7", "ENERGY-REPORT", "retained", ["EN-ENERGY"], "DRC", within: 20, sampled: false)],
            unattended: [new("EN-ENERGY", "节能审查", "DRC"), new("SW-SOILWATER", "水土保持方案", "WATER")]);
        var id = await h.SubmitAsync(plan);

        var verifying = await h.WaitForAsync(id, v => v.Status == "verifying" && v.Commitments[0].DueAt is not null);
        Assert.Empty(verifying.Tasks);
        Assert.Equal(["EN-ENERGY", "SW-SOILWATER"], verifying.Certificates.Select(c => c.Item).Order());
        Assert.Equal(ApprovalHarness.Monday, verifying.Timeline.First(e => e.Event.Contains("certificate", StringComparison.Ordinal)).At);

        await h.AdvanceToAsync(verifying.Commitments[0].DueAt!.Value);
        var closed = await h.WaitForAsync(id, v => v.Status == "closed");
        Assert.Equal("not-sampled", closed.Commitments[0].Status); // not drawn is not verified (issue 18 rule 6)
    }
}
