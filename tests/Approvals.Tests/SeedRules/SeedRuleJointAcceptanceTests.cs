using Approvals.Applications;
using Approvals.Catalog;
using Approvals.JointAcceptance;
using Approvals.Tests.JointAcceptance;

namespace Approvals.Tests.SeedRules;

/// <summary>Joint-acceptance intake rules the seeds state (issue 18).</summary>
public sealed class SeedRuleJointAcceptanceTests
{
    private readonly JointAcceptancePlanner planner = new(ItemCatalog.Embedded, JointAcceptancePolicy.Embedded, CalendarDeadlineCalculator.FromEmbeddedData());

    private JointAcceptancePlanResult Plan(JointAcceptanceRequest request) => planner.Plan(request, JointAcceptanceHarness.Monday);

    // Issue 18 rule 1. Jinan 2021 part 一: "社会投资简易低风险项目，先期联合验收和后期联合验收合并进行，时限为受理之日起 7 个工作日；
    // 其中，工业、仓储类建设项目合并联合验收时限不超过 3 个工作日": the 3 days are for industrial and warehouse projects among
    // the simple low-risk social-investment ones, not for a high-risk 60,000 m² factory.
    [Theory]
    [InlineData("high", true)]
    [InlineData("medium", true)]
    [InlineData("low", false)]
    public void Three_day_combined_plan_is_only_for_simple_low_risk_social_investment_industrial_and_warehouse_projects(string risk, bool socialInvestment)
    {
        var plan = Plan(JointAcceptanceHarness.Request("APP-JA-R1", "combined", "industrial", risk, socialInvestment)).Plan!;
        Assert.Equal(("standard", 12), (plan.TimePlan, plan.TotalWorkingDays));

        var simple = Plan(JointAcceptanceHarness.Request("APP-JA-R1B", "combined", "warehouse", "low", socialInvestment: true)).Plan!;
        Assert.Equal(("industrial-warehouse-combined", 3), (simple.TimePlan, simple.TotalWorkingDays));
    }

    // Issue 18 rule 2. Qingdao 2022 三(七): 第一阶段包含竣工规划核实、消防验收或备案、建设工程档案验收、竣工验收备案、人防工程竣工验收备案;
    // "对省市区重点项目，建设单位应同时申请第一阶段的联合验收事项". Archives acceptance is in Jinan's late stage, so a key
    // project's stage 1 spans both; the civil-air-defence filing is due only from a project that has such works.
    [Fact]
    public void Key_project_applies_for_all_of_Qingdao_stage_one_together_including_archives_acceptance()
    {
        var earlyOnly = Plan(JointAcceptanceHarness.Request("APP-JA-R2", "early", keyProject: true));
        Assert.False(earlyOnly.Accepted);
        Assert.Contains(earlyOnly.Problems, p => p.Contains("JA-ARCHIVES", StringComparison.Ordinal));

        string[] stageOne = ["JA-PLANNING", "JA-FIRE-FILING", "JA-COMPLETION-FILING", "JA-ARCHIVES"];
        var noCivilDefence = Plan(JointAcceptanceHarness.Request("APP-JA-R2B", "combined", keyProject: true, items: stageOne));
        Assert.True(noCivilDefence.Accepted, string.Join("; ", noCivilDefence.Problems));

        var withCivilDefence = Plan(JointAcceptanceHarness.Request("APP-JA-R2C", "combined", keyProject: true, items: stageOne) with { CivilAirDefenceWorks = true });
        Assert.Contains(withCivilDefence.Problems, p => p.Contains("JA-CIVILDEF", StringComparison.Ordinal));
    }
}
