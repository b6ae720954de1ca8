using Approvals.Calls;

namespace Approvals.Tests.Calls;

public sealed class AssignmentSlipTests
{
    private static readonly DateTimeOffset Now = CallHarness.Monday;

    [Fact]
    public void No_slip_without_a_responsible_person()
    {
        var (slip, problem) = AssignmentSlip.Create(1, new CallUnit("TAX", "税务局", "Tax Bureau"), Now, 5, Now.AddDays(7), Now.AddDays(6), false);
        Assert.Null(slip);
        Assert.Contains("no assignment without one", problem);
    }

    [Fact]
    public void No_slip_without_a_deadline_after_its_issue()
    {
        var unit = new CallUnit("TAX", "税务局", "Tax Bureau", "科长 / section head");
        Assert.Null(AssignmentSlip.Create(1, unit, Now, 0, Now.AddDays(1), Now, false).Slip);
        Assert.Null(AssignmentSlip.Create(1, unit, Now, 5, Now, Now, false).Slip);
        var (slip, problem) = AssignmentSlip.Create(1, unit, Now, 5, Now.AddDays(7), Now.AddDays(6), false);
        Assert.Null(problem);
        Assert.Equal(("TAX", "科长 / section head", 5), (slip!.Unit, slip.Person, slip.WorkingDays));
    }
}
