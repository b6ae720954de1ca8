namespace Approvals.Calendar;

/// <summary>
/// One year's official schedule (节假日安排): the public holidays (法定节假日, days off) and the weekend days that are
/// worked instead (调休上班). Published by the State Council around November of the year before.
/// </summary>
public sealed record HolidaySchedule(int Year, IReadOnlySet<DateOnly> Holidays, IReadOnlySet<DateOnly> ExtraWorkingDays);
