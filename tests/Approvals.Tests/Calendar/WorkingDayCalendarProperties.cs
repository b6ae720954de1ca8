using Approvals.Calendar;
using FsCheck;
using FsCheck.Fluent;

namespace Approvals.Tests.Calendar;

public class WorkingDayCalendarProperties
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.FromEmbeddedData();

    // Instants from 2023-12 to 2027-02 (partly outside the loaded years), any minute of the day, in several offsets.
    private static readonly Arbitrary<DateTimeOffset> Instants =
        (from minutes in Gen.Choose(0, 1200 * 24 * 60)
         from offsetHours in Gen.Elements(8, 0, -5)
         select new DateTimeOffset(2023, 12, 1, 0, 0, 0, TimeSpan.FromHours(8)).AddMinutes(minutes).ToOffset(TimeSpan.FromHours(offsetHours)))
        .ToArbitrary();

    private static readonly Arbitrary<int> Counts = Gen.Choose(1, 60).ToArbitrary();

    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(300);

    [Fact]
    public void Deadline_is_always_the_end_of_a_working_day()
    {
        Prop.ForAll(Instants, Counts, (start, n) =>
        {
            var deadline = Calendar.AddWorkingDays(start, n);
            return Calendar.IsWorkingDay(deadline.LastWorkingDay)
                && deadline.Due == WorkingDayCalendar.EndOfDay(deadline.LastWorkingDay)
                && deadline.Due.Offset == TimeSpan.FromHours(8)
                && deadline.Due.TimeOfDay == TimeSpan.Zero
                && deadline.LastWorkingDay > WorkingDayCalendar.ShanghaiDate(start);
        }).Check(Config);
    }

    [Fact]
    public void More_working_days_never_end_earlier()
    {
        Prop.ForAll(Instants, Counts, (start, n) =>
            Calendar.AddWorkingDays(start, n).Due < Calendar.AddWorkingDays(start, n + 1).Due).Check(Config);
    }

    [Fact]
    public void Working_days_between_start_and_its_deadline_is_n()
    {
        Prop.ForAll(Instants, Counts, (start, n) =>
            Calendar.WorkingDaysBetween(start, Calendar.AddWorkingDays(start, n).Due) == n).Check(Config);
    }

    [Fact]
    public void One_minute_before_the_deadline_one_working_day_is_still_running()
    {
        Prop.ForAll(Instants, Counts, (start, n) =>
            Calendar.WorkingDaysBetween(start, Calendar.AddWorkingDays(start, n).Due.AddMinutes(-1)) == n - 1).Check(Config);
    }

    [Fact]
    public void Adding_in_two_steps_equals_adding_at_once()
    {
        Prop.ForAll(Instants, Counts, Counts, (start, a, b) =>
        {
            var first = Calendar.AddWorkingDays(start, a);
            var second = Calendar.AddWorkingDays(WorkingDayCalendar.StartOfDay(first.LastWorkingDay), b);
            return second.Due == Calendar.AddWorkingDays(start, a + b).Due;
        }).Check(Config);
    }

    [Fact]
    public void Provisional_exactly_when_a_counted_day_lies_outside_loaded_years()
    {
        Prop.ForAll(Instants, Counts, (start, n) =>
        {
            var deadline = Calendar.AddWorkingDays(start, n);
            var firstYear = WorkingDayCalendar.ShanghaiDate(start).AddDays(1).Year;
            var expected = !Calendar.IsScheduleLoaded(firstYear) || !Calendar.IsScheduleLoaded(deadline.LastWorkingDay.Year);
            return deadline.Provisional == expected;
        }).Check(Config);
    }
}
