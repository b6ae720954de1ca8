using DurableTasks.Time;

namespace DurableTasks.Tests.Time;

public sealed class ControllableTimeProviderTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Delay_completes_only_when_the_clock_passes_it()
    {
        var clock = new ControllableTimeProvider(Start);
        var delay = Task.Delay(TimeSpan.FromDays(30), clock);

        clock.Advance(TimeSpan.FromDays(29));
        Assert.False(delay.IsCompleted);
        clock.Advance(TimeSpan.FromDays(1));
        await delay.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(Start.AddDays(30), clock.GetUtcNow());
    }

    [Fact]
    public void Timers_fire_in_due_order_and_periodic_ones_repeat()
    {
        var clock = new ControllableTimeProvider(Start);
        var fired = new List<string>();
        using var late = clock.CreateTimer(_ => fired.Add($"late@{clock.GetUtcNow():dd HH}"), null, TimeSpan.FromDays(2), Timeout.InfiniteTimeSpan);
        using var daily = clock.CreateTimer(_ => fired.Add($"daily@{clock.GetUtcNow():dd HH}"), null, TimeSpan.FromHours(17), TimeSpan.FromDays(1));

        clock.Advance(TimeSpan.FromDays(3));

        Assert.Equal(["daily@01 17", "daily@02 17", "late@03 00", "daily@03 17"], fired);
    }

    [Fact]
    public void Clock_never_moves_backward()
    {
        var clock = new ControllableTimeProvider(Start);
        clock.AdvanceTo(Start.AddDays(-1));
        Assert.Equal(Start, clock.GetUtcNow());
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Advance(TimeSpan.FromSeconds(-1)));
    }
}
