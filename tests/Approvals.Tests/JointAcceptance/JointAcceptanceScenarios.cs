using Approvals.Activities;
using Approvals.Applications;
using Approvals.JointAcceptance;
using Approvals.Orchestrations;

namespace Approvals.Tests.JointAcceptance;

/// <summary>Joint completion acceptance, "accepted means certified", path by path on the embedded engine with a controllable clock.</summary>
public sealed class JointAcceptanceScenarios : IAsyncLifetime
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    private readonly JointAcceptanceHarness h = new();

    public Task InitializeAsync() => h.StartAsync();

    public async Task DisposeAsync() => await h.DisposeAsync();

    private static DateTimeOffset At(int month, int day, int hour = 0) => new(2026, month, day, hour, 0, 0, Shanghai);

    private static DateTimeOffset EndOf(int month, int day) => At(month, day).AddDays(1);

    private static StepView Step(ApplicationStatusView v, string name) => v.Steps.Single(s => s.Name == name);

    /// <summary>Inspects, passes every item, and answers archive and registration at the given moments.</summary>
    private async Task<ApplicationStatusView> RunToCertificatesAsync(JointAcceptancePlan plan, DateTimeOffset findingsAt, DateTimeOffset opinionsAt, DateTimeOffset certificatesAt)
    {
        var id = plan.ApplicationId;
        await h.WaitForAsync(id, v => Step(v, AcceptanceSteps.SiteInspection).State == "in-progress");
        await h.AdvanceToAsync(findingsAt);
        await h.AllFindingsAsync(plan);
        await h.WaitForAsync(id, v => Step(v, AcceptanceSteps.DepartmentOpinions).State == "in-progress");
        await h.AdvanceToAsync(opinionsAt);
        await h.AllPassAsync(plan);
        await h.WaitForAsync(id, v => v.Status == "certifying" && v.Steps.Count(s => s.State == "in-progress") == 2);
        await h.AdvanceToAsync(certificatesAt);
        await h.ArchiveAnswerAsync(id, "DA-2026-0001");
        await h.RegistrationAnswerAsync(id, "鲁(2026)聊城市不动产权第0001号");
        return await h.WaitForAsync(id, v => v.Status == "closed");
    }

    [Fact]
    public async Task Combined_simple_low_risk_project_is_accepted_and_certified_within_7_working_days()
    {
        var plan = await h.PlanAsync(JointAcceptanceHarness.Request("APP-JA-LOWRISK", "combined", "public", "low", socialInvestment: true));
        Assert.Equal(("simple-low-risk-combined", 7), (plan.TimePlan, plan.TotalWorkingDays));
        // Seven working days from Monday 28 September: 29, 30 Sep, 8, 9, Sat 10, 12, 13 Oct.
        Assert.Equal(EndOf(10, 13), plan.DueAt);
        var id = await h.SubmitAsync(plan);

        var done = await RunToCertificatesAsync(plan, At(9, 30, 10), At(10, 9, 15), At(10, 12, 11));

        Assert.True(done.Clock.ClosedAt <= plan.DueAt);
        Assert.True(h.Queries.WorkingDaysUsed(done) <= 7);
        Assert.All(done.Steps, s => Assert.Equal("done", s.State));
        Assert.DoesNotContain(done.Steps, s => s.Light == "red");
        Assert.Equal(plan.Inspections.Count, done.Tasks.Count(t => t.State == "passed"));
        Assert.Equal("pass", done.AcceptanceOpinion!.Result);
        Assert.Equal(plan.Inspections.Count, done.AcceptanceOpinion.Opinions.Count);
        var certificate = Assert.Single(done.Certificates);
        Assert.Equal("JA-ACCEPTANCE", certificate.Item);
        Assert.Equal(("DA-2026-0001", "鲁(2026)聊城市不动产权第0001号"), (done.JointAcceptance!.ArchiveCertificateNumber, done.JointAcceptance.RegistrationCertificateNumber));
        Assert.Equal(plan.Departments.Count, done.SiteInspection!.Findings.Count);
        var pushes = (await h.Records.ListAsync(PushForCertificationActivity.Scope)).Select(r => r.Key).Order().ToList();
        Assert.Equal([$"{id}/ARCH", $"{id}/REG"], pushes);
        Assert.Empty(done.Clock.Paused);
    }

    [Fact]
    public async Task Industrial_unit_is_accepted_on_its_own_and_certified_within_3_working_days()
    {
        var plan = await h.PlanAsync(JointAcceptanceHarness.Request("APP-JA-INDUSTRY", "combined", "industrial", "low", socialInvestment: true, unit: "1#厂房"));
        Assert.Equal(("industrial-warehouse-combined", 3), (plan.TimePlan, plan.TotalWorkingDays));
        Assert.Equal(EndOf(10, 8), plan.DueAt);
        await h.SubmitAsync(plan);

        var done = await RunToCertificatesAsync(plan, At(9, 29, 10), At(9, 30, 11), At(10, 8, 16));

        Assert.True(done.Clock.ClosedAt <= plan.DueAt);
        Assert.True(h.Queries.WorkingDaysUsed(done) <= 3);
        Assert.DoesNotContain(done.Steps, s => s.Light == "red");
        Assert.Equal("1#厂房", done.JointAcceptance!.Unit);
        var stored = await h.Certificates.GetAsync(done.Certificates[0].Number);
        Assert.Contains("1#厂房", stored!.ItemName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failed_fire_item_is_rectified_with_the_clock_stopped_and_re_inspected_alone()
    {
        var plan = await h.PlanAsync(JointAcceptanceHarness.Request("APP-JA-FIRE", "early"));
        var id = await h.SubmitAsync(plan);
        await h.WaitForAsync(id, v => Step(v, AcceptanceSteps.SiteInspection).State == "in-progress");
        await h.AdvanceToAsync(At(9, 30, 10));
        await h.AllFindingsAsync(plan);
        await h.AllPassAsync(plan, except: "JA-FIRE");
        await h.OpinionAsync(id, "HUD", "JA-FIRE", pass: false, "消防验收不合格 / fire acceptance failed",
            "疏散指示标志缺失 / exit signs missing", "消火栓压力不足 / hydrant pressure too low");

        var waiting = await h.WaitForAsync(id, v => v.Status == "awaiting-rectification");
        Assert.Equal("fail", waiting.AcceptanceOpinion!.Result);
        Assert.Equal(2, waiting.Rectifications.Count);
        Assert.All(waiting.Rectifications, r => Assert.Equal(("HUD", "JA-FIRE", "open"), (r.Department, r.Item, r.State)));
        Assert.Equal("awaiting-rectification", Assert.Single(waiting.Clock.Paused).Reason);
        Assert.Contains(await h.Records.ListAsync(NotifyActivity.Scope), n => n.Key == $"{id}/rectification/round-1");
        var originalOpinionsDue = Step(waiting, AcceptanceSteps.DepartmentOpinions).DueAt;

        await h.AdvanceToAsync(At(10, 9, 10));
        await h.RectifiedAsync(id);
        var reinspecting = await h.WaitForAsync(id, v => v.Status == "under-review" && v.Tasks.Any(t => t.Round == 2));
        var again = Assert.Single(reinspecting.Tasks, t => t.Round == 2);
        Assert.Equal(("HUD", "JA-FIRE", "pending"), (again.Department, again.Item, again.State));
        Assert.All(reinspecting.Tasks.Where(t => t.Item != "JA-FIRE"), t => Assert.Equal(("passed", 1), (t.State, t.Round)));
        Assert.Equal(At(10, 9, 10), reinspecting.Clock.Paused[0].To);
        Assert.True(Step(reinspecting, AcceptanceSteps.DepartmentOpinions).DueAt > originalOpinionsDue);
        Assert.All(reinspecting.Rectifications, r => Assert.Equal("rectified", r.State));
        var requests = (await h.Records.ListAsync(NotifyActivity.Scope)).Select(n => n.Key).ToList();
        Assert.Contains($"{id}/HUD/re-inspection/round-2", requests);
        Assert.DoesNotContain(requests, k => k.Contains("re-inspection", StringComparison.Ordinal) && !k.StartsWith($"{id}/HUD/", StringComparison.Ordinal));

        await h.OpinionAsync(id, "HUD", "JA-FIRE", pass: true, "整改后合格 / passes after rectification");
        var done = await h.WaitForAsync(id, v => v.Status == "closed");
        Assert.Equal(("pass", 2), (done.AcceptanceOpinion!.Result, done.AcceptanceOpinion.Round));
        Assert.All(done.Rectifications, r => Assert.Equal("passed", r.State));
        Assert.Single(done.Certificates);
        Assert.Equal(4, done.AcceptanceOpinion.Opinions.Count);
        Assert.Equal(2, done.AcceptanceOpinion.Opinions.Single(o => o.Item == "JA-FIRE").Round);
    }

    [Fact]
    public async Task Open_earlier_commitment_blocks_acceptance_until_verified_then_it_passes()
    {
        var earlier = await h.StartEarlierApprovalAsync("APP-EARLIER", "C-FUNDS", "FUNDS-PROOF");
        await h.Client.WaitForInstanceAsync(earlier, m => m.ReadCustomStatusAs<ApplicationStatusView>()?.Tasks.Count == 1, ApprovalTimeout());
        await h.Client.RaiseEventAsync(earlier, Signals.Decision("HUD", "CP-PERMIT"), new DepartmentDecision("m1", "HUD", "CP-PERMIT", "approve", null, "r", h.Clock.GetUtcNow()));
        await h.Client.WaitForInstanceAsync(earlier, m => m.ReadCustomStatusAs<ApplicationStatusView>() is { Status: "verifying" } v && v.Commitments[0].DueAt is not null, ApprovalTimeout());

        var plan = await h.PlanAsync(JointAcceptanceHarness.Request("APP-JA-LOOP", "early"));
        Assert.Equal(("C-FUNDS", "open"), (plan.EarlierCommitments.Single().CommitmentId, plan.EarlierCommitments.Single().Status));
        var id = await h.SubmitAsync(plan);
        await h.AllFindingsAsync(plan);
        await h.AllPassAsync(plan);

        var blocked = await h.WaitForAsync(id, v => v.Status == "blocked");
        Assert.Equal("blocked", blocked.AcceptanceOpinion!.Result);
        Assert.Contains("C-FUNDS (FUNDS-PROOF) of APP-EARLIER is open", blocked.JointAcceptance!.Reason, StringComparison.Ordinal);
        Assert.Equal("awaiting-commitment-verification", Assert.Single(blocked.Clock.Paused).Reason);
        Assert.Empty(blocked.Certificates);

        var funds = await h.Materials.PutAsync(new MemoryStream("%PDF-1.7 funds in place"u8.ToArray()), JointAcceptanceHarness.Uscc, "funds.pdf", 1_000_000);
        await h.Client.RaiseEventAsync(earlier, Signals.MaterialSupplied("FUNDS-PROOF"), new SuppliedMaterial("FUNDS-PROOF", funds.MaterialId));
        await h.Client.RaiseEventAsync(earlier, Signals.Inspection("C-FUNDS"), new InspectionResult("C-FUNDS", "pass", "checked", "HUD", h.Clock.GetUtcNow()));
        await h.Client.WaitForInstanceCompletionAsync(earlier, ApprovalTimeout());
        await h.RecheckCommitmentsAsync(id);

        var done = await h.WaitForAsync(id, v => v.Status == "closed");
        Assert.Equal("pass", done.AcceptanceOpinion!.Result);
        Assert.Equal("fulfilled", done.JointAcceptance!.EarlierCommitments.Single().Status);
        Assert.NotNull(Assert.Single(done.Clock.Paused).To);
        Assert.Single(done.Certificates);
    }

    [Fact]
    public async Task Broken_earlier_commitment_fails_the_acceptance()
    {
        var earlier = await h.StartEarlierApprovalAsync("APP-EARLIER-BROKEN", "C-SAFE", "FUNDS-PROOF");
        await h.Client.WaitForInstanceAsync(earlier, m => m.ReadCustomStatusAs<ApplicationStatusView>()?.Tasks.Count == 1, ApprovalTimeout());
        await h.Client.RaiseEventAsync(earlier, Signals.Decision("HUD", "CP-PERMIT"), new DepartmentDecision("m1", "HUD", "CP-PERMIT", "approve", null, "r", h.Clock.GetUtcNow()));
        var verifying = await h.Client.WaitForInstanceAsync(earlier, m => m.ReadCustomStatusAs<ApplicationStatusView>() is { Status: "verifying" } v && v.Commitments[0].DueAt is not null, ApprovalTimeout());
        await h.AdvanceToAsync(verifying.ReadCustomStatusAs<ApplicationStatusView>()!.Commitments[0].DueAt!.Value);
        await h.Client.WaitForInstanceCompletionAsync(earlier, ApprovalTimeout());

        var plan = await h.PlanAsync(JointAcceptanceHarness.Request("APP-JA-BROKEN", "early"));
        var id = await h.SubmitAsync(plan);
        await h.AllFindingsAsync(plan);
        await h.AllPassAsync(plan);

        var rejected = await h.WaitForAsync(id, v => v.Status == "rejected");
        Assert.Equal("fail", rejected.AcceptanceOpinion!.Result);
        Assert.Contains("C-SAFE (FUNDS-PROOF) of APP-EARLIER-BROKEN broken", rejected.JointAcceptance!.Reason, StringComparison.Ordinal);
        Assert.Empty(rejected.Certificates);
    }

    [Fact]
    public async Task Department_missing_its_opinion_deadline_turns_red_is_escalated_and_the_wait_goes_on()
    {
        var plan = await h.PlanAsync(JointAcceptanceHarness.Request("APP-JA-LATE", "early"));
        var id = await h.SubmitAsync(plan);
        await h.AllFindingsAsync(plan);
        await h.AllPassAsync(plan, except: "JA-CIVILDEF");
        var waiting = await h.WaitForAsync(id, v => v.Tasks.Count(t => t.State == "passed") == 3);
        Assert.Equal(EndOf(10, 13), Step(waiting, AcceptanceSteps.DepartmentOpinions).DueAt);

        await h.AdvanceToAsync(At(10, 12, 9));
        await h.WaitForAsync(id, v => v.Tasks.Single(t => t.Item == "JA-CIVILDEF").Light == "yellow");
        await h.AdvanceToAsync(At(10, 14, 9));
        var red = await h.WaitForAsync(id, v => v.Tasks.Single(t => t.Item == "JA-CIVILDEF").Light == "red");
        Assert.Equal("red", Step(red, AcceptanceSteps.DepartmentOpinions).Light);
        Assert.Equal("under-review", red.Status);
        Assert.Contains(red.Timeline, e => e.Event.Contains("CAD JA-CIVILDEF: red light", StringComparison.Ordinal));
        Assert.Contains(await h.Records.ListAsync(NotifyActivity.Scope), n => n.Key == $"{id}/CAD/JA-CIVILDEF/round-1/red");
        Assert.Contains((await h.Queries.LightsAsync()), l => l.ApplicationId == id && l.Department == "CAD" && l.Light == "red");

        await h.OpinionAsync(id, "CAD", "JA-CIVILDEF", pass: true, "迟到但合格 / late but fine");
        var done = await h.WaitForAsync(id, v => v.Status == "closed");
        Assert.Equal(("done", "red"), (Step(done, AcceptanceSteps.DepartmentOpinions).State, Step(done, AcceptanceSteps.DepartmentOpinions).Light));
        Assert.Equal("pass", done.AcceptanceOpinion!.Result);
    }

    [Fact]
    public async Task Whole_Liaocheng_plan_finishes_within_10_working_days_across_National_Day()
    {
        var plan = await h.PlanAsync(JointAcceptanceHarness.Request("APP-JA-LIAOCHENG", "combined"));
        Assert.Equal(("standard", 12), (plan.TimePlan, plan.TotalWorkingDays));
        var id = await h.SubmitAsync(plan);

        // Site inspection at the appointment (30 Sep 09:00); opinions on the 7th working day (13 Oct, after the holiday
        // and the worked Saturday 10 Oct); archive certificate on the 9th (15 Oct), registration on the 10th (16 Oct).
        await h.WaitForAsync(id, v => Step(v, AcceptanceSteps.SiteInspection).State == "in-progress");
        await h.AdvanceToAsync(At(9, 30, 10));
        await h.AllFindingsAsync(plan);
        await h.WaitForAsync(id, v => Step(v, AcceptanceSteps.DepartmentOpinions).State == "in-progress");
        await h.AdvanceToAsync(At(10, 13, 15));
        await h.AllPassAsync(plan);
        await h.WaitForAsync(id, v => v.Status == "certifying" && v.Steps.Count(s => s.State == "in-progress") == 2);
        await h.AdvanceToAsync(At(10, 15, 15));
        await h.ArchiveAnswerAsync(id, "DA-2026-0415");
        await h.WaitForAsync(id, v => Step(v, AcceptanceSteps.ArchiveCertificate).State == "done");
        await h.AdvanceToAsync(At(10, 16, 15));
        await h.RegistrationAnswerAsync(id, "鲁(2026)聊城市不动产权第0416号");
        var done = await h.WaitForAsync(id, v => v.Status == "closed");

        Assert.Equal(EndOf(10, 16), Step(done, AcceptanceSteps.FirstRegistration).DueAt);
        Assert.True(done.Clock.ClosedAt < Step(done, AcceptanceSteps.FirstRegistration).DueAt);
        Assert.Equal(9, h.Queries.WorkingDaysUsed(done));
        Assert.True(h.Calendar.WorkingDaysBetween(plan.AcceptedAt, EndOf(10, 16)) == 10);
        Assert.All(done.Steps, s => Assert.Equal("done", s.State));
        Assert.DoesNotContain(done.Steps, s => s.Light == "red");
        Assert.Equal("DA-2026-0415", done.JointAcceptance!.ArchiveCertificateNumber);
        Assert.Equal(12, done.Tasks.Count(t => t.State == "passed"));
    }

    [Fact]
    public async Task Early_and_late_stages_of_one_project_run_in_parallel_as_two_acceptances()
    {
        var early = await h.PlanAsync(JointAcceptanceHarness.Request("APP-JA-EARLY", "early"));
        var late = await h.PlanAsync(JointAcceptanceHarness.Request("APP-JA-LATER", "late", items: ["JA-WATER", "JA-ARCHIVES", "JA-FIRST-REGISTRATION"]));
        await h.SubmitAsync(early);
        await h.SubmitAsync(late);
        await h.AllFindingsAsync(late);
        await h.AllPassAsync(late);
        await h.AllFindingsAsync(early);
        await h.AllPassAsync(early);

        await h.WaitForAsync(late.ApplicationId, v => v.Status == "certifying" && v.Steps.Count(s => s.State == "in-progress") == 2);
        await h.ArchiveAnswerAsync(late.ApplicationId, "DA-L");
        await h.RegistrationAnswerAsync(late.ApplicationId, "REG-L");
        var earlyDone = await h.WaitForAsync(early.ApplicationId, v => v.Status == "closed");
        var lateDone = await h.WaitForAsync(late.ApplicationId, v => v.Status == "closed");

        Assert.DoesNotContain(earlyDone.Steps, s => s.Name is AcceptanceSteps.ArchiveCertificate or AcceptanceSteps.FirstRegistration);
        Assert.Equal(["CAD", "HUD", "HUD", "NRP"], earlyDone.Tasks.Select(t => t.Department).Order(StringComparer.Ordinal));
        Assert.Equal(["ARCH", "WATERCO"], lateDone.Tasks.Select(t => t.Department).Order(StringComparer.Ordinal));
        Assert.NotEqual(earlyDone.Certificates[0].Number, lateDone.Certificates[0].Number);
        Assert.Equal("REG-L", lateDone.JointAcceptance!.RegistrationCertificateNumber);
    }

    [Fact]
    public async Task Rectification_never_reported_closes_the_acceptance_as_withdrawn_when_the_period_ends()
    {
        var plan = await h.PlanAsync(JointAcceptanceHarness.Request("APP-JA-SILENT", "early", items: ["JA-PLANNING", "JA-FIRE-FILING"]));
        var id = await h.SubmitAsync(plan);
        await h.AllFindingsAsync(plan);
        await h.AllPassAsync(plan, except: "JA-FIRE-FILING");
        await h.OpinionAsync(id, "HUD", "JA-FIRE-FILING", pass: false, null, "灭火器缺失 / extinguishers missing");
        var waiting = await h.WaitForAsync(id, v => v.Status == "awaiting-rectification");

        await h.AdvanceToAsync(waiting.Rectifications[0].AnswerBy);
        var closed = await h.WaitForAsync(id, v => v.Status == "closed");
        Assert.Contains("withdrawn", closed.JointAcceptance!.Reason, StringComparison.Ordinal);
        Assert.Equal(waiting.Rectifications[0].AnswerBy, closed.Clock.Paused[0].To);
        Assert.Empty(closed.Certificates);
    }

    private static CancellationToken ApprovalTimeout() => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;
}
