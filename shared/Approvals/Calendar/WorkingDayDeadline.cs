namespace Approvals.Calendar;

/// <summary>
/// A deadline of N working days (工作日): the end (24:00 Asia/Shanghai) of the Nth working day counted from the day
/// after <see cref="Start"/>. <see cref="Provisional"/> is true when any day counted lies in a year whose holiday
/// schedule was not loaded (weekends only were used there); such a deadline must be shown as provisional and
/// recomputed once the schedule is loaded.
/// </summary>
/// <param name="Start">The instant the count starts from (e.g. acceptance).</param>
/// <param name="WorkingDays">N.</param>
/// <param name="LastWorkingDay">The Nth working day, a Shanghai date.</param>
/// <param name="Due">The end of <paramref name="LastWorkingDay"/>: the next day 00:00 +08:00.</param>
/// <param name="Provisional">Whether a year without a loaded schedule was involved.</param>
public sealed record WorkingDayDeadline(DateTimeOffset Start, int WorkingDays, DateOnly LastWorkingDay, DateTimeOffset Due, bool Provisional);
