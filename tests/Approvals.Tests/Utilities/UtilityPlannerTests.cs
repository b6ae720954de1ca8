using Approvals.Utilities;

namespace Approvals.Tests.Utilities;

public sealed class UtilityPlannerTests
{
    private static readonly DateTimeOffset Now = new(2026, 9, 28, 9, 0, 0, TimeSpan.FromHours(8));
    private readonly UtilityPlanner planner = new(UtilityPolicy.Embedded);

    [Fact]
    public void One_form_becomes_one_track_per_utility_with_its_limits_matters_and_fee_standard()
    {
        var result = planner.Plan("UTL-1", "91350100m000100y43", new UtilityRequest
        {
            ProjectCode = "2609-350102-04-01-123456",
            ProjectName = " 示范厂房 ",
            Utilities = [new("gas", 50), new("POWER", 800)],
        }, Now);
        var plan = Assert.IsType<UtilityPlan>(result.Plan);
        Assert.Equal("91350100M000100Y43", plan.Uscc);
        Assert.Equal("示范厂房", plan.ProjectName);
        Assert.Equal("district-hall", plan.Window.Code);
        Assert.Equal(["GAS", "POWER"], plan.Tracks.Select(t => t.Utility));
        var gas = plan.Tracks[0];
        Assert.Equal(15000m, gas.FeeStandard);
        Assert.Equal((3, 4, 8), (gas.SurveyWorkingDays, gas.CompleteWorkingDays, gas.ConnectWorkingDays));
        Assert.Contains(gas.Matters, m => m.Code == "GAS-CONNECT");
        Assert.Equal(0m, plan.Tracks[1].FeeStandard);
    }

    [Fact]
    public void Every_problem_of_the_form_is_named_at_once()
    {
        var result = planner.Plan("UTL-2", "91350100M000100Y43", new UtilityRequest
        {
            ProjectCode = "12",
            ProjectName = new string('x', UtilityPlanner.MaxProjectNameLength + 1),
            Window = "mail",
            Utilities = [new("OIL", 1), new("HEAT", null), new("TELECOM", 1_000_000), new("WATERCO", 5), new("WATERCO", 5)],
        }, Now);
        Assert.False(result.Accepted);
        Assert.Equal(
            ["projectCode", "projectName", "utilities[0].code", "utilities[1].quantity", "utilities[2].quantity", "utilities[4].code", "window"],
            result.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_form_without_utilities_is_refused()
    {
        var result = planner.Plan("UTL-3", "91350100M000100Y43", new UtilityRequest { ProjectCode = "2609-350102-04-01-123456", ProjectName = "厂房" }, Now);
        Assert.Equal(["utilities"], result.Errors.Keys);
    }
}
