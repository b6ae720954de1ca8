using Approvals.Calendar;

namespace Approvals.Tests.Calendar;

public class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.FromEmbeddedData();

    private static DateTimeOffset Shanghai(int y, int m, int d, int h = 10) => new(y, m, d, h, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void Working_day_after_national_day_eve_is_october_8()
    {
        var deadline = Calendar.AddWorkingDays(Shanghai(2026, 9, 30), 1);
        Assert.Equal(new DateOnly(2026, 10, 8), deadline.LastWorkingDay);
        Assert.Equal(new DateTimeOffset(2026, 10, 9, 0, 0, 0, TimeSpan.FromHours(8)), deadline.Due);
        Assert.False(deadline.Provisional);
    }

    [Fact]
    public void Saturday_october_10_2026_is_worked_so_three_days_after_national_day_eve_end_that_saturday()
    {
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2026, 10, 10)));
        Assert.Equal(new DateOnly(2026, 10, 10), Calendar.AddWorkingDays(Shanghai(2026, 9, 30), 3).LastWorkingDay);
    }

    [Fact]
    public void Spring_festival_2026_is_off_and_its_adjusted_saturdays_are_worked()
    {
        for (var day = new DateOnly(2026, 2, 15); day <= new DateOnly(2026, 2, 23); day = day.AddDays(1))
        {
            Assert.False(Calendar.IsWorkingDay(day), day.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.True(Calendar.IsWorkingDay(new DateOnly(2026, 2, 14)));
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2026, 2, 28)));
        // Friday Feb 13: next working days are Sat Feb 14, then Tue Feb 24 after the festival.
        Assert.Equal(new DateOnly(2026, 2, 14), Calendar.AddWorkingDays(Shanghai(2026, 2, 13), 1).LastWorkingDay);
        Assert.Equal(new DateOnly(2026, 2, 24), Calendar.AddWorkingDays(Shanghai(2026, 2, 13), 2).LastWorkingDay);
    }

    [Fact]
    public void Five_working_days_across_spring_festival_2026_count_the_adjusted_saturday()
    {
        // From Thu Feb 12: Fri 13, Sat 14 (worked), Tue 24, Wed 25, Thu 26.
        Assert.Equal(new DateOnly(2026, 2, 26), Calendar.AddWorkingDays(Shanghai(2026, 2, 12), 5).LastWorkingDay);
    }

    [Fact]
    public void National_day_2025_runs_to_october_8_with_september_28_and_october_11_worked()
    {
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2025, 9, 28)));
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2025, 10, 11)));
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2025, 10, 8)));
        Assert.Equal(new DateOnly(2025, 10, 9), Calendar.AddWorkingDays(Shanghai(2025, 9, 30), 1).LastWorkingDay);
        Assert.Equal(new DateOnly(2025, 10, 11), Calendar.AddWorkingDays(Shanghai(2025, 9, 30), 3).LastWorkingDay);
    }

    [Fact]
    public void Late_evening_utc_instant_counts_from_its_shanghai_date()
    {
        // 2026-09-29T17:00Z is 2026-09-30 01:00 in Shanghai.
        var deadline = Calendar.AddWorkingDays(new DateTimeOffset(2026, 9, 29, 17, 0, 0, TimeSpan.Zero), 1);
        Assert.Equal(new DateOnly(2026, 10, 8), deadline.LastWorkingDay);
        Assert.Equal(TimeSpan.FromHours(8), deadline.Due.Offset);
    }

    [Fact]
    public void Deadline_reaching_into_2027_is_provisional_and_recomputed_when_the_schedule_is_loaded()
    {
        var deadline = Calendar.AddWorkingDays(Shanghai(2026, 12, 28), 5);
        Assert.True(deadline.Provisional);
        // Weekends only in 2027: Dec 29, 30, 31, then Fri Jan 1 and Mon Jan 4.
        Assert.Equal(new DateOnly(2027, 1, 4), deadline.LastWorkingDay);

        var schedule2027 = """
            {"schedules":[{"year":2027,"holidays":["2027-01-01","2027-01-02","2027-01-03"],"extraWorkingDays":[]}]}
            """;
        var updated = Calendar.WithSchedules(HolidaySchedules.Parse(schedule2027));
        var recomputed = updated.Recompute(deadline);
        Assert.False(recomputed.Provisional);
        Assert.Equal(new DateOnly(2027, 1, 5), recomputed.LastWorkingDay);
        Assert.False(Calendar.IsScheduleLoaded(2027));
    }

    [Fact]
    public void Deadline_inside_loaded_years_is_final()
    {
        Assert.False(Calendar.AddWorkingDays(Shanghai(2024, 1, 2), 400).Provisional);
    }

    [Fact]
    public void Elapsed_working_days_skip_the_holiday_week()
    {
        Assert.Equal(0, Calendar.WorkingDaysBetween(Shanghai(2026, 9, 30), Shanghai(2026, 10, 8, 18)));
        Assert.Equal(1, Calendar.WorkingDaysBetween(Shanghai(2026, 9, 30), Shanghai(2026, 10, 9, 0)));
        Assert.Equal(0, Calendar.WorkingDaysBetween(Shanghai(2026, 10, 9), Shanghai(2026, 10, 1)));
    }

    [Fact]
    public void Zero_or_negative_working_days_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddWorkingDays(Shanghai(2026, 1, 5), 0));
    }

    [Fact]
    public void Embedded_schedules_cover_2024_to_2026()
    {
        Assert.Equal([2024, 2025, 2026], Calendar.LoadedYears.Order());
    }

    [Fact]
    public void Malformed_schedule_lists_every_problem()
    {
        var json = """
            {"schedules":[
              {"year":2027,"holidays":["2027-02-30","2026-12-31","2027-01-01","2027-01-01"],"extraWorkingDays":["2027-01-04","2027-01-01"]},
              {"year":2027,"holidays":[],"extraWorkingDays":[]}
            ]}
            """;
        var ex = Assert.Throws<HolidayScheduleFormatException>(() => HolidaySchedules.Parse(json));
        Assert.Contains(ex.Problems, p => p.Contains("2027-02-30", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Contains("2026-12-31 in 'holidays' is not in 2027", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Contains("appears twice", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Contains("2027-01-04 is a Monday", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Contains("both a holiday and an extra working day", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Contains("more than once", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Contains("2027-01-01 is a Friday", StringComparison.Ordinal));
        Assert.Equal(7, ex.Problems.Count);
    }
}
