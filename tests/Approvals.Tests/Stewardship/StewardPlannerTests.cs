using Approvals.Stewardship;

namespace Approvals.Tests.Stewardship;

public sealed class StewardPlannerTests
{
    private static readonly DateTimeOffset Now = new(2026, 9, 28, 9, 0, 0, TimeSpan.FromHours(8));
    private readonly StewardPlanner planner = new(StewardPolicy.Embedded);

    [Fact]
    public void The_embedded_policy_warns_the_lead_department_three_working_days_later_and_names_its_sources()
    {
        var policy = StewardPolicy.Embedded;
        Assert.Empty(StewardPolicy.Validate(policy));
        Assert.Equal(3, policy.LeadWarningWorkingDays);
        Assert.Equal(["intermediary", "approval", "utility", "other"], policy.NodeKinds.Select(k => k.Code));
        Assert.Contains("3 working days", policy.Sources["leadWarningWorkingDays"]);
        Assert.NotEmpty(StewardPolicy.Validate(policy with { LeadWarningWorkingDays = 0, Sources = new Dictionary<string, string>() }));
    }

    [Fact]
    public void A_plan_takes_the_policys_lead_department_and_upper_cases_owners()
    {
        var plan = Assert.IsType<StewardPlan>(planner.Plan("2609-350102-04-01-123456", new PlanRequest
        {
            Uscc = "91350100m000100y43",
            ProjectName = "基地",
            Steward = new("周敏", null),
            Nodes = [new("eia", "环评", "Intermediary", "env-consult", new DateOnly(2026, 9, 30))],
        }, Now).Plan);
        Assert.Equal("APPROVAL", plan.LeadDepartment.Code);
        Assert.Equal("ENV-CONSULT", plan.Nodes.Single().Owner);
        Assert.Equal("intermediary", plan.Nodes.Single().Kind);
        Assert.Equal("91350100M000100Y43", plan.Uscc);
    }

    [Fact]
    public void A_plan_without_nodes_or_steward_is_refused_naming_both()
    {
        var result = planner.Plan("2609-350102-04-01-123456", new PlanRequest { Uscc = "91350100M000100Y43", ProjectName = "基地" }, Now);
        Assert.Equal(["nodes", "steward.name"], result.Errors.Keys.Order(StringComparer.Ordinal));
    }
}
