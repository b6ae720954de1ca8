namespace Approvals.Functions.Hosting;

/// <summary>
/// Runs a job every day at a local time in Asia/Shanghai, reading the app's <see cref="TimeProvider"/>: locally it is
/// how the audit timers fire, and with the virtual clock a 30-day advance runs the job once for each of the 30 days,
/// in order. In Azure the Functions host's timer triggers call the same jobs instead.
/// </summary>
public sealed class DailySchedule(
    string name,
    TimeOnly localTime,
    Func<DateTimeOffset, CancellationToken, Task> job,
    TimeProvider timeProvider,
    ILogger<DailySchedule> logger) : BackgroundService
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private readonly System.Threading.Channels.Channel<DateTimeOffset> due = System.Threading.Channels.Channel.CreateUnbounded<DateTimeOffset>();

    /// <summary>The next occurrence strictly after <paramref name="after"/>.</summary>
    public static DateTimeOffset NextOccurrence(DateTimeOffset after, TimeOnly localTime)
    {
        var local = TimeZoneInfo.ConvertTime(after, Shanghai);
        var candidate = new DateTimeOffset(DateOnly.FromDateTime(local.DateTime).ToDateTime(localTime), Shanghai.GetUtcOffset(local));
        return candidate > after ? candidate : candidate.AddDays(1);
    }

    private ITimer? timer;

    /// <summary>Arms the timer before returning, so a clock move right after start is not missed.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        var first = NextOccurrence(timeProvider.GetUtcNow(), localTime);
        var occurrence = first;
        timer = timeProvider.CreateTimer(_ =>
        {
            due.Writer.TryWrite(occurrence);
            occurrence = occurrence.AddDays(1);
        }, null, first - timeProvider.GetUtcNow(), TimeSpan.FromDays(1));
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        timer?.Dispose();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var at in due.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await job(at, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Scheduled job {Name} for {At} failed; it runs again at the next occurrence", name, at);
            }
        }
    }
}
