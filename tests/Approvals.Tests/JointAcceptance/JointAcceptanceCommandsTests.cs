using Approvals.Applications;
using Approvals.JointAcceptance;

namespace Approvals.Tests.JointAcceptance;

/// <summary>Commands on a running joint acceptance are checked against its published status before any event is raised.</summary>
public sealed class JointAcceptanceCommandsTests : IAsyncLifetime
{
    private readonly JointAcceptanceHarness h = new();
    private JointAcceptancePlan plan = null!;
    private string id = "";

    public async Task InitializeAsync()
    {
        await h.StartAsync();
        plan = await h.PlanAsync(JointAcceptanceHarness.Request("APP-JA-CMD", "early"));
        id = await h.SubmitAsync(plan);
        await h.WaitForAsync(id, v => v.Steps.Single(s => s.Name == AcceptanceSteps.SiteInspection).State == "in-progress");
    }

    public async Task DisposeAsync() => await h.DisposeAsync();

    private DepartmentAcceptanceOpinion Opinion(string department, string item, string result, params string[] rectifications) =>
        new(department, item, result, "意见 opinion", rectifications, h.Clock.GetUtcNow());

    [Fact]
    public async Task Findings_come_once_from_each_attending_department_only()
    {
        Assert.Equal(CommandOutcome.Forbidden, (await h.Commands.RecordFindingsAsync(id, "ok", "POWER")).Outcome);
        Assert.Equal(CommandOutcome.Invalid, (await h.Commands.RecordFindingsAsync(id, " ", "HUD")).Outcome);
        Assert.Equal(CommandOutcome.Accepted, (await h.Commands.RecordFindingsAsync(id, "消防设施齐全 / fire systems complete", "hud")).Outcome);
        await h.WaitForAsync(id, v => v.SiteInspection!.Findings.Any(f => f.Department == "HUD"));
        Assert.Equal(CommandOutcome.Conflict, (await h.Commands.RecordFindingsAsync(id, "again", "HUD")).Outcome);
    }

    [Fact]
    public async Task Opinions_are_checked_for_result_rectifications_owner_item_and_state()
    {
        await h.AllFindingsAsync(plan);
        Assert.Equal(CommandOutcome.Invalid, (await h.Commands.GiveOpinionAsync(id, Opinion("HUD", "JA-FIRE", "approve"), "HUD")).Outcome);
        Assert.Equal(CommandOutcome.Invalid, (await h.Commands.GiveOpinionAsync(id, Opinion("HUD", "JA-FIRE", "fail"), "HUD")).Outcome);
        Assert.Equal(CommandOutcome.Forbidden, (await h.Commands.GiveOpinionAsync(id, Opinion("CAD", "JA-FIRE", "pass"), "CAD")).Outcome);
        Assert.Equal(CommandOutcome.NotFound, (await h.Commands.GiveOpinionAsync(id, Opinion("WATERCO", "JA-WATER", "pass"), "WATERCO")).Outcome);
        Assert.Equal(CommandOutcome.Accepted, (await h.Commands.GiveOpinionAsync(id, Opinion("HUD", "JA-FIRE", "fail", "补设疏散指示 / add exit signs"), "HUD")).Outcome);
        await h.WaitForAsync(id, v => v.Tasks.Single(t => t.Item == "JA-FIRE").State == "failed");
        Assert.Equal(CommandOutcome.Conflict, (await h.Commands.GiveOpinionAsync(id, Opinion("HUD", "JA-FIRE", "pass"), "HUD")).Outcome);
    }

    [Fact]
    public async Task Only_the_applicant_reports_rectification_and_only_while_it_is_awaited()
    {
        Assert.Equal(CommandOutcome.Conflict, (await h.Commands.ReportRectifiedAsync(id, null, JointAcceptanceHarness.Uscc)).Outcome);
        await h.AllFindingsAsync(plan);
        await h.AllPassAsync(plan, except: "JA-PLANNING");
        await h.OpinionAsync(id, "NRP", "JA-PLANNING", pass: false, "退线不足 / setback too small", "拆除违建 / remove the extension");
        await h.WaitForAsync(id, v => v.Status == "awaiting-rectification");

        Assert.Equal(CommandOutcome.NotFound, (await h.Commands.ReportRectifiedAsync(id, null, "91110000600037341L")).Outcome);
        Assert.Equal(CommandOutcome.Accepted, (await h.Commands.ReportRectifiedAsync(id, "拆除完成", JointAcceptanceHarness.Uscc)).Outcome);
        var again = await h.WaitForAsync(id, v => v.Tasks.Single(t => t.Item == "JA-PLANNING").Round == 2);
        Assert.Equal("pending", again.Tasks.Single(t => t.Item == "JA-PLANNING").State);
    }

    [Fact]
    public async Task Certificate_numbers_are_answered_only_by_their_authority_while_the_step_waits()
    {
        Assert.Equal(CommandOutcome.Invalid, (await h.Commands.AnswerCertificateAsync(id, "planning", "X-1", "NRP")).Outcome);
        Assert.Equal(CommandOutcome.Forbidden, (await h.Commands.AnswerCertificateAsync(id, AcceptanceSteps.FirstRegistration, "X-1", "ARCH")).Outcome);
        Assert.Equal(CommandOutcome.Conflict, (await h.Commands.AnswerCertificateAsync(id, AcceptanceSteps.FirstRegistration, "X-1", "REG")).Outcome);
        Assert.Equal(CommandOutcome.Conflict, (await h.Commands.RecheckCommitmentsAsync(id)).Outcome);
    }

    [Fact]
    public async Task Commands_ignore_applications_of_another_procedure()
    {
        var other = await h.StartEarlierApprovalAsync("APP-CP-1", "C1", "FUNDS-PROOF");
        await h.Client.WaitForInstanceAsync(other, m => m.ReadCustomStatusAs<ApplicationStatusView>() is not null, new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        Assert.Equal(CommandOutcome.NotFound, (await h.Commands.RecordFindingsAsync(other, "ok", "HUD")).Outcome);
        Assert.Equal(CommandOutcome.NotFound, (await h.Commands.GiveOpinionAsync(other, Opinion("HUD", "CP-PERMIT", "pass"), "HUD")).Outcome);
    }
}
