using Approvals.Intake;

namespace Approvals.Tests.Intake;

public sealed class RiskGraderTests
{
    private readonly RiskGrader grader = new(IntakePolicy.Embedded.Risk);

    private static ProjectInput Project(string type, double area, double height, string density = "low", string complexity = "low") =>
        new() { Type = type, FloorArea = area, Height = height, OccupantDensity = density, TechnicalComplexity = complexity };

    [Fact]
    public void Small_low_factory_is_low_risk() => Assert.Equal("low", grader.Grade(Project("industrial", 8000, 18)).Level);

    [Fact]
    public void Large_crowded_public_building_is_high_risk()
    {
        var grade = grader.Grade(Project("public", 60000, 50, "high", "medium"));
        Assert.Equal("high", grade.Level);
        Assert.Contains(grade.Reasons, r => r.StartsWith("type public", StringComparison.Ordinal));
    }

    [Fact]
    public void Mid_sized_residential_high_rise_is_medium_risk() => Assert.Equal("medium", grader.Grade(Project("residential", 20000, 54)).Level);

    [Fact]
    public void Super_high_rise_is_always_high_risk() => Assert.Equal("high", grader.Grade(Project("industrial", 5000, 120)).Level);
}
