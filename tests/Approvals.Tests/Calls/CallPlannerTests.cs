using Approvals.Applications;
using Approvals.Calls;

namespace Approvals.Tests.Calls;

public sealed class CallPlannerTests
{
    private static readonly DateTimeOffset Monday = CallHarness.Monday;
    private static readonly CallPlanner Planner = new(CallPolicy.Embedded, CalendarDeadlineCalculator.FromEmbeddedData());

    private static CallPlan Planned(CallRequest request) =>
        Planner.Plan("CALL-1", CallHarness.Uscc, request, Monday).Plan ?? throw new Xunit.Sdk.XunitException("refused");

    [Fact]
    public void The_enterprise_picks_the_unit_and_the_slip_names_its_person_and_a_deadline_in_working_days_over_National_Day()
    {
        var plan = Planned(CallHarness.Request("hud"));
        Assert.Equal("enterprise", plan.UnitChosenBy);
        Assert.Equal("HUD", plan.Slip.Unit);
        Assert.Equal(CallPolicy.Embedded.Unit("HUD")!.Responsible, plan.Slip.Person);
        Assert.Equal(5, plan.Slip.WorkingDays);
        // 29, 30 Sep; 1–7 Oct off; 8, 9 Oct; Saturday 10 Oct worked (调休 2026).
        Assert.Equal(new DateTimeOffset(2026, 10, 11, 0, 0, 0, TimeSpan.FromHours(8)), plan.Slip.DueAt);
        Assert.False(plan.Slip.Provisional);
        Assert.True(plan.Slip.YellowAt < plan.Slip.DueAt);
    }

    [Fact]
    public void Without_a_pick_the_topic_gives_the_unit_and_without_a_topic_the_lead_bureau_takes_it()
    {
        Assert.Equal(("NRP", "topic"), (Planned(CallHarness.Request(null, topic: "Land")).Slip.Unit, Planned(CallHarness.Request(null, topic: "land")).UnitChosenBy));
        var plain = Planned(CallHarness.Request(null));
        Assert.Equal(("ECON", "default"), (plain.Slip.Unit, plain.UnitChosenBy));
        Assert.Equal("HUD", Planned(CallHarness.Request("HUD", topic: "land")).Slip.Unit);
    }

    [Fact]
    public void A_major_urgent_call_gets_the_short_limit()
    {
        var plan = Planned(CallHarness.Request("POWER", majorUrgent: true));
        Assert.True(plan.MajorUrgent);
        Assert.Equal(1, plan.Slip.WorkingDays);
        Assert.Equal(new DateTimeOffset(2026, 9, 30, 0, 0, 0, TimeSpan.FromHours(8)), plan.Slip.DueAt);
        Assert.Equal("DISTRICT-LEADERS", plan.DistrictLeaders.Code);
    }

    [Fact]
    public void Every_problem_of_a_request_is_named_at_once()
    {
        var result = Planner.Plan("CALL-1", CallHarness.Uscc, new CallRequest { Title = new string('x', 101), Unit = "NOWHERE", Topic = "weather" }, Monday);
        Assert.False(result.Accepted);
        Assert.Equal(["description", "title", "topic", "unit"], result.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.All(result.Errors.Values.SelectMany(m => m), m => Assert.Contains(" / ", m));
    }
}
