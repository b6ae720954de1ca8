using Approvals.Applications;
using Approvals.Catalog;
using Approvals.JointAcceptance;

namespace Approvals.Tests.JointAcceptance;

/// <summary>Intake of joint acceptance: stage choice, items per stage, time plan by type and risk, step deadlines on the calendar.</summary>
public sealed class JointAcceptancePlannerTests
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    private readonly JointAcceptancePlanner planner = new(ItemCatalog.Embedded, JointAcceptancePolicy.Embedded, CalendarDeadlineCalculator.FromEmbeddedData());

    private static DateTimeOffset EndOf(int month, int day) => new DateTimeOffset(2026, month, day, 0, 0, 0, Shanghai).AddDays(1);

    private JointAcceptancePlanResult Plan(JointAcceptanceRequest request) => planner.Plan(request, JointAcceptanceHarness.Monday);

    private static JointAcceptanceRequest Request(string stages, string type = "residential", string risk = "medium", bool socialInvestment = false,
        bool keyProject = false, IReadOnlyList<string>? items = null) =>
        JointAcceptanceHarness.Request("APP-JA-PLAN", stages, type, risk, socialInvestment, keyProject, items);

    [Fact]
    public void Key_project_may_not_apply_for_the_late_stage_alone()
    {
        var result = Plan(Request("late", keyProject: true));
        Assert.False(result.Accepted);
        Assert.Contains(result.Problems, p => p.Contains("key project must apply for every stage-1 item at once", StringComparison.Ordinal));
    }

    [Fact]
    public void Key_project_must_take_every_stage_one_item_and_is_told_which_are_missing()
    {
        var result = Plan(Request("combined", keyProject: true, items: ["JA-PLANNING", "JA-FIRE"]) with { CivilAirDefenceWorks = true });
        var problem = Assert.Single(result.Problems);
        Assert.Contains("JA-CIVILDEF", problem, StringComparison.Ordinal);
        Assert.Contains("JA-ARCHIVES", problem, StringComparison.Ordinal);
        Assert.Contains("JA-COMPLETION-FILING", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("JA-PLANNING", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Key_project_may_take_fire_filing_instead_of_fire_acceptance_in_stage_one()
    {
        var result = Plan(Request("combined", keyProject: true, items: ["JA-PLANNING", "JA-FIRE-FILING", "JA-CIVILDEF", "JA-COMPLETION-FILING", "JA-ARCHIVES"]));
        Assert.True(result.Accepted, string.Join("; ", result.Problems));
        Assert.Contains(result.Plan!.Inspections, i => i.Item == "JA-FIRE-FILING");
    }

    [Fact]
    public void Key_project_choosing_the_early_stage_without_naming_items_gets_all_of_it()
    {
        var plan = Plan(Request("combined", keyProject: true)).Plan!;
        Assert.Equal(["JA-PLANNING", "JA-FIRE", "JA-CIVILDEF", "JA-COMPLETION-FILING"], plan.Inspections.Where(i => i.Stage == "early").Select(i => i.Item));
    }

    [Fact]
    public void Early_stage_has_only_early_items_and_no_archive_or_registration_step()
    {
        var plan = Plan(Request("early")).Plan!;
        Assert.All(plan.Inspections, i => Assert.Equal("early", i.Stage));
        Assert.DoesNotContain(plan.Inspections, i => i.Item == "JA-FIRE-FILING");
        Assert.Equal(["opinion-requests", "site-inspection", "department-opinions", "acceptance-opinion"], plan.Steps.Select(s => s.Name));
        Assert.Equal(["NRP", "HUD", "CAD"], plan.Departments);
    }

    [Fact]
    public void Late_stage_inspects_late_items_and_ends_with_the_archive_certificate_and_first_registration()
    {
        var plan = Plan(Request("late")).Plan!;
        Assert.All(plan.Inspections, i => Assert.Equal("late", i.Stage));
        Assert.DoesNotContain(plan.Inspections, i => i.Item == "JA-FIRST-REGISTRATION");
        Assert.Contains(plan.Inspections, i => i.Item == "JA-ARCHIVES");
        Assert.Equal(("JA-ARCHIVES", "JA-FIRST-REGISTRATION"), (plan.ArchiveItem, plan.RegistrationItem));
        Assert.Equal(AcceptanceSteps.All, plan.Steps.Select(s => s.Name));
    }

    [Fact]
    public void Items_of_a_stage_not_chosen_and_two_fire_alternatives_are_rejected_together()
    {
        var result = Plan(Request("early", items: ["JA-PLANNING", "JA-WATER", "JA-FIRE", "JA-FIRE-FILING", "CP-PERMIT"]));
        Assert.False(result.Accepted);
        Assert.Equal(3, result.Problems.Count);
        Assert.Contains(result.Problems, p => p.Contains("'JA-WATER' belongs to the late stage", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.Contains("'CP-PERMIT' is not a joint-acceptance item", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.Contains("take one of JA-FIRE, JA-FIRE-FILING", StringComparison.Ordinal));
    }

    [Fact]
    public void Registration_alone_is_not_an_acceptance()
    {
        var problem = Assert.Single(Plan(Request("late", items: ["JA-FIRST-REGISTRATION"])).Problems);
        Assert.Contains("nothing to inspect", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_stage_choice_is_rejected_with_the_allowed_ones()
    {
        var problem = Assert.Single(Plan(Request("both")).Problems);
        Assert.Contains("early|late|combined", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("industrial", "medium", false, "combined", "standard", 12)]
    [InlineData("industrial", "low", true, "combined", "industrial-warehouse-combined", 3)]
    [InlineData("warehouse", "low", true, "combined", "industrial-warehouse-combined", 3)]
    [InlineData("industrial", "medium", false, "early", "standard", 12)]
    [InlineData("residential", "low", true, "combined", "simple-low-risk-combined", 7)]
    [InlineData("public", "low", true, "combined", "simple-low-risk-combined", 7)]
    [InlineData("residential", "low", false, "combined", "standard", 12)]
    [InlineData("residential", "medium", true, "combined", "standard", 12)]
    [InlineData("residential", "low", true, "late", "standard", 12)]
    public void Time_plan_is_chosen_by_type_risk_investment_and_stages(string type, string risk, bool socialInvestment, string stages, string timePlan, int days)
    {
        var plan = Plan(Request(stages, type, risk, socialInvestment)).Plan!;
        Assert.Equal((timePlan, days), (plan.TimePlan, plan.TotalWorkingDays));
        Assert.True(plan.Steps[^1].DueAt <= plan.DueAt);
    }

    [Fact]
    public void Standard_plan_follows_Liaocheng_across_National_Day_and_finishes_on_the_tenth_working_day()
    {
        // Accepted Monday 28 September 2026; working days: 29, 30 Sep, (1-7 Oct holiday), 8, 9, Sat 10 (worked), 12, 13, 14, 15, 16 Oct.
        var plan = Plan(Request("combined")).Plan!;
        var due = plan.Steps.ToDictionary(s => s.Name, s => s.DueAt);
        Assert.Equal(EndOf(9, 29), due[AcceptanceSteps.OpinionRequests]);
        Assert.Equal(EndOf(9, 30), due[AcceptanceSteps.SiteInspection]);
        Assert.Equal(EndOf(10, 13), due[AcceptanceSteps.DepartmentOpinions]);
        Assert.Equal(EndOf(10, 13), due[AcceptanceSteps.AcceptanceOpinion]);
        Assert.Equal(EndOf(10, 15), due[AcceptanceSteps.ArchiveCertificate]);
        Assert.Equal(EndOf(10, 16), due[AcceptanceSteps.FirstRegistration]);
        Assert.Equal(EndOf(10, 20), plan.DueAt);
        Assert.Equal(new DateTimeOffset(2026, 9, 30, 9, 0, 0, Shanghai), plan.SiteAppointmentAt);
        Assert.All(plan.Steps, s => Assert.False(s.Provisional));
    }

    [Fact]
    public void Industrial_plan_packs_the_steps_into_three_working_days()
    {
        var plan = Plan(Request("combined", "industrial", "low", socialInvestment: true)).Plan!;
        var due = plan.Steps.ToDictionary(s => s.Name, s => s.DueAt);
        Assert.Equal(EndOf(9, 29), due[AcceptanceSteps.SiteInspection]);
        Assert.Equal(EndOf(9, 30), due[AcceptanceSteps.DepartmentOpinions]);
        Assert.Equal(EndOf(10, 8), due[AcceptanceSteps.FirstRegistration]);
        Assert.Equal(EndOf(10, 8), plan.DueAt);
        Assert.Equal(new DateTimeOffset(2026, 9, 29, 9, 0, 0, Shanghai), plan.SiteAppointmentAt);
    }

    [Fact]
    public void Deadlines_reaching_into_2027_are_provisional()
    {
        var plan = planner.Plan(Request("combined"), new DateTimeOffset(2026, 12, 24, 10, 0, 0, Shanghai)).Plan!;
        Assert.True(plan.Provisional);
        Assert.True(plan.Steps.Single(s => s.Name == AcceptanceSteps.FirstRegistration).Provisional);
        Assert.False(plan.Steps.Single(s => s.Name == AcceptanceSteps.OpinionRequests).Provisional);
    }
}
