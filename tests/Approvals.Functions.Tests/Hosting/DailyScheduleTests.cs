using Approvals.Functions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Approvals.Functions.Tests.Hosting;

public sealed class DailyScheduleTests
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    [Theory]
    [InlineData("2026-11-22T00:30:00+08:00", "2026-11-22T01:00:00+08:00")]
    [InlineData("2026-11-22T01:00:00+08:00", "2026-11-23T01:00:00+08:00")]
    [InlineData("2026-11-22T18:00:00+00:00", "2026-11-24T01:00:00+08:00")]
    public void Next_occurrence_is_the_next_01_00_in_Shanghai(string after, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            DailySchedule.NextOccurrence(DateTimeOffset.Parse(after, System.Globalization.CultureInfo.InvariantCulture), new TimeOnly(1, 0)));

    [Fact]
    public async Task Advancing_the_virtual_clock_three_days_runs_the_job_for_each_day_in_order()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 9, 0, 0, Shanghai));
        var runs = new List<DateTimeOffset>();
        var third = new TaskCompletionSource();
        using var schedule = new DailySchedule("audit", new TimeOnly(1, 0), (at, _) =>
        {
            lock (runs)
            {
                runs.Add(at);
                if (runs.Count == 3) third.TrySetResult();
            }
            return Task.CompletedTask;
        }, clock, NullLogger<DailySchedule>.Instance);
        await schedule.StartAsync(CancellationToken.None);

        clock.Advance(TimeSpan.FromDays(3));
        await third.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await schedule.StopAsync(CancellationToken.None);

        Assert.Equal(
            [new DateTimeOffset(2026, 11, 23, 1, 0, 0, Shanghai), new DateTimeOffset(2026, 11, 24, 1, 0, 0, Shanghai), new DateTimeOffset(2026, 11, 25, 1, 0, 0, Shanghai)],
            runs);
    }
}
