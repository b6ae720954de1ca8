using Approvals.Activities;
using Approvals.Applications;

namespace Approvals.Tests.Orchestrations;

/// <summary>The deadline calculator the workflow's activities see, replaceable mid-test as a newly loaded holiday schedule would be.</summary>
public sealed class SwitchableCalendar(IDeadlineCalculator initial) : IDeadlineCalculator
{
    public IDeadlineCalculator Current { get; set; } = initial;

    public Deadline Compute(DeadlineRequest request) => Current.Compute(request);

    public int WorkingDaysBetween(DateTimeOffset from, DateTimeOffset to) => Current.WorkingDaysBetween(from, to);

    public bool IsProvisional(DateTimeOffset from, DateTimeOffset to) => Current.IsProvisional(from, to);
}
