using Approvals.Activities;

namespace Approvals.Applications;

/// <summary>Working-day deadlines (工作日) in the calendar of Asia/Shanghai; implemented over the holiday calendar.</summary>
public interface IDeadlineCalculator
{
    Deadline Compute(DeadlineRequest request);

    /// <summary>Working days elapsed from <paramref name="from"/> to <paramref name="to"/> (the day of <paramref name="from"/> not counted).</summary>
    int WorkingDaysBetween(DateTimeOffset from, DateTimeOffset to);

    /// <summary>Whether counting from <paramref name="from"/> to <paramref name="to"/> reaches a year whose holiday schedule is not loaded.</summary>
    bool IsProvisional(DateTimeOffset from, DateTimeOffset to);
}
