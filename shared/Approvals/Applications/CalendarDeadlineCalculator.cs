using Approvals.Activities;
using Approvals.Calendar;

namespace Approvals.Applications;

/// <summary>
/// Deadlines for the workflow on the working-day calendar: the due moment (end of the Nth working day, Asia/Shanghai),
/// when the light turns yellow (the day on which the configured share of the limit has been used, the last working day
/// at the latest), and whether the count reaches into a year whose holiday schedule is not loaded (provisional).
/// </summary>
public sealed class CalendarDeadlineCalculator(WorkingDayCalendar calendar, double yellowShare) : IDeadlineCalculator
{
    /// <summary>The embedded holiday calendar with the yellow share of the embedded policy (<c>lights.yellowShare</c>).</summary>
    public static CalendarDeadlineCalculator FromEmbeddedData() => new(WorkingDayCalendar.FromEmbeddedData(), Intake.IntakePolicy.Embedded.Lights.YellowShare);

    public CalendarDeadlineCalculator(WorkingDayCalendar calendar) : this(calendar, Intake.IntakePolicy.Embedded.Lights.YellowShare) { }

    public Deadline Compute(DeadlineRequest request)
    {
        var days = request.WorkingDays;
        if (request.UsedFrom is { } usedFrom && request.UsedTo is { } usedTo)
        {
            var used = calendar.WorkingDaysBetween(usedFrom, usedTo)
                - request.StoppedBetween.Where(s => s.To is not null).Sum(s => calendar.WorkingDaysBetween(s.From, s.To!.Value));
            days = Math.Max(1, days - Math.Max(0, used));
        }
        var deadline = calendar.AddWorkingDays(request.From, days);
        var yellowIndex = Math.Min(days, (int)Math.Floor(days * yellowShare) + 1);
        var yellowDay = calendar.AddWorkingDays(request.From, yellowIndex).LastWorkingDay;
        return new Deadline(deadline.Due, WorkingDayCalendar.StartOfDay(yellowDay), deadline.Provisional);
    }

    public int WorkingDaysBetween(DateTimeOffset from, DateTimeOffset to) => calendar.WorkingDaysBetween(from, to);

    public bool IsProvisional(DateTimeOffset from, DateTimeOffset to) => calendar.IsProvisionalBetween(from, to);
}
