using Approvals.LandToStart;

namespace Approvals.Tests.LandToStart;

public sealed class LandToStartPlannerTests
{
    private static readonly DateTimeOffset Now = new(2026, 9, 28, 9, 0, 0, TimeSpan.FromHours(8));
    private readonly LandToStartPlanner planner = new(LandToStartPolicy.Embedded);

    private static LandToStartRequest Request(bool hazardous = false, string kind = "new") => new()
    {
        Project = new LandProject("2609-350102-04-01-123456", "新材料产业园", "高新区产业园", kind, "industrial", true, true, hazardous),
        Voluntary = true,
        PlanConditions = new Dictionary<string, string> { ["landUse"] = "M1", ["siteArea"] = "52000", ["plotRatio"] = "1.2", ["buildingHeight"] = "24 m" },
        Materials = [new("SITE-PLAN", "m1"), new("DESIGN-SCHEME", "m2"), new("CONSTRUCTION-DRAWINGS", "m3")],
    };

    [Fact]
    public void An_in_scope_project_gets_the_steps_and_the_four_documents_with_their_bases()
    {
        var plan = Assert.IsType<LandToStartPlan>(planner.Plan("LTS-1", "91350100m000100y43", Request(kind: "extension"), Now).Plan);
        Assert.Equal(5, plan.Steps.Count);
        Assert.Equal(4, plan.Documents.Select(d => d.Basis).Distinct().Count());
        Assert.Equal("91350100M000100Y43", plan.Uscc);
    }

    [Fact]
    public void Hazardous_chemicals_are_out_of_scope_and_a_missing_material_is_named()
    {
        var result = planner.Plan("LTS-2", "91350100M000100Y43", Request(hazardous: true) with { Materials = [new("SITE-PLAN", "m1")] }, Now);
        Assert.Equal(["materials", "scope.hazardousChemicals"], result.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(2, result.Errors["materials"].Length);
    }
}
