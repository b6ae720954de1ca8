namespace Approvals.Calendar;

/// <summary>
/// China's working-day calendar (工作日历) in Asia/Shanghai: weekends and public holidays are off, adjusted weekend
/// days (调休) are worked. Immutable; <see cref="WithSchedules"/> returns a calendar with more years loaded.
/// Years without a schedule are treated as weekends-only and make results provisional.
/// </summary>
public sealed class WorkingDayCalendar
{
    private readonly Dictionary<int, HolidaySchedule> schedules;

    /// <summary>Creates a calendar over the given years' schedules (a later schedule of the same year wins).</summary>
    public WorkingDayCalendar(IEnumerable<HolidaySchedule> schedules)
    {
        ArgumentNullException.ThrowIfNull(schedules);
        this.schedules = [];
        foreach (var schedule in schedules)
        {
            this.schedules[schedule.Year] = schedule;
        }
    }

    /// <summary>The Asia/Shanghai time zone (China Standard Time, +08:00, no daylight saving).</summary>
    public static TimeZoneInfo Shanghai { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>A calendar with the schedules shipped in the assembly (2024–2026).</summary>
    public static WorkingDayCalendar FromEmbeddedData() => new(HolidaySchedules.Embedded());

    /// <summary>The years whose schedule is loaded.</summary>
    public IReadOnlyCollection<int> LoadedYears => schedules.Keys;

    /// <summary>Whether the schedule of <paramref name="year"/> is loaded.</summary>
    public bool IsScheduleLoaded(int year) => schedules.ContainsKey(year);

    /// <summary>A new calendar with <paramref name="more"/> added (replacing the same years), e.g. next year's schedule once published.</summary>
    public WorkingDayCalendar WithSchedules(IEnumerable<HolidaySchedule> more) => new(schedules.Values.Concat(more));

    /// <summary>The Shanghai calendar date of an instant.</summary>
    public static DateOnly ShanghaiDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Shanghai).DateTime);

    /// <summary>The instant a Shanghai date begins (00:00 +08:00).</summary>
    public static DateTimeOffset StartOfDay(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, Shanghai.GetUtcOffset(local));
    }

    /// <summary>The instant a Shanghai date ends (24:00, i.e. the next day 00:00 +08:00).</summary>
    public static DateTimeOffset EndOfDay(DateOnly day) => StartOfDay(day.AddDays(1));

    /// <summary>Whether <paramref name="day"/> is a working day (weekends-only for a year without a schedule).</summary>
    public bool IsWorkingDay(DateOnly day)
    {
        if (schedules.TryGetValue(day.Year, out var schedule))
        {
            if (schedule.Holidays.Contains(day))
            {
                return false;
            }

            if (schedule.ExtraWorkingDays.Contains(day))
            {
                return true;
            }
        }

        return day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>The first working day strictly after <paramref name="day"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly day)
    {
        var next = day.AddDays(1);
        while (!IsWorkingDay(next))
        {
            next = next.AddDays(1);
        }

        return next;
    }

    /// <summary>
    /// The deadline of <paramref name="workingDays"/> (≥ 1) working days from <paramref name="start"/>: counting begins the
    /// day after start's Shanghai date and the deadline is the end of the Nth working day.
    /// </summary>
    public WorkingDayDeadline AddWorkingDays(DateTimeOffset start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingDays, 1);
        var day = ShanghaiDate(start);
        var provisional = false;
        for (var counted = 0; counted < workingDays;)
        {
            day = day.AddDays(1);
            provisional |= !IsScheduleLoaded(day.Year);
            if (IsWorkingDay(day))
            {
                counted++;
            }
        }

        return new WorkingDayDeadline(start, workingDays, day, EndOfDay(day), provisional);
    }

    /// <summary>Recomputes a deadline with this calendar's schedules (e.g. after loading the year that made it provisional).</summary>
    public WorkingDayDeadline Recompute(WorkingDayDeadline deadline)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        return AddWorkingDays(deadline.Start, deadline.WorkingDays);
    }

    /// <summary>
    /// Working days fully elapsed between two instants, for clocks: the working days after <paramref name="from"/>'s
    /// Shanghai date whose end is not after <paramref name="to"/>. Zero when <paramref name="to"/> is not later.
    /// <c>WorkingDaysBetween(s, AddWorkingDays(s, n).Due) == n</c>.
    /// </summary>
    public int WorkingDaysBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var first = ShanghaiDate(from).AddDays(1);
        var end = ShanghaiDate(to); // days strictly before this date have fully ended by 'to'
        var count = 0;
        for (var day = first; day < end; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Whether counting working days from <paramref name="from"/> to <paramref name="to"/> touches a year without a schedule.</summary>
    public bool IsProvisionalBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var first = ShanghaiDate(from).Year;
        var last = ShanghaiDate(to).Year;
        for (var year = first; year <= last; year++)
        {
            if (!IsScheduleLoaded(year))
            {
                return true;
            }
        }

        return false;
    }
}
