using System.Reflection;
using Cronos;
using DurableTasks.Time;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Approvals.Functions.LocalHost;

/// <summary>
/// Runs each timer-triggered function on its NCRONTAB schedule (six fields, UTC, as on a Linux plan) against the app's
/// clock. With the virtual clock (Development, tests) the clock stops at every occurrence on its way, so a 30-day
/// advance runs a daily function 30 times, each with the clock at its own occurrence; on the real clock a loop waits
/// for the next one.
/// </summary>
public sealed class LocalTimerTriggers : BackgroundService
{
    private readonly IServiceProvider services;
    private readonly TimeProvider time;
    private readonly ILogger<LocalTimerTriggers> logger;
    private readonly List<Schedule> schedules;
    private readonly bool virtualClock;

    public LocalTimerTriggers(IReadOnlyList<LocalFunction> functions, IServiceProvider services, TimeProvider time, ILogger<LocalTimerTriggers> logger)
    {
        this.services = services;
        this.time = time;
        this.logger = logger;
        var now = time.GetUtcNow();
        schedules = functions.Where(f => f.Timer is not null).Select(f => new Schedule(this, f, Parse(f), now)).ToList();
        if (services.GetService<VirtualClock>() is { } clock)
        {
            virtualClock = true;
            foreach (var schedule in schedules) clock.Attach(schedule);
        }
    }

    public IReadOnlyList<DateTimeOffset?> NextOccurrences => schedules.Select(s => s.NextDueAt).ToList();

    public static CronExpression Parse(LocalFunction function) => CronExpression.Parse(function.Timer!.Schedule, CronFormat.IncludeSeconds);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (virtualClock || schedules.Count == 0) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            var next = schedules.Select(s => s.NextDueAt).Where(d => d is not null).Min();
            if (next is null) return;
            var wait = next.Value - time.GetUtcNow();
            try
            {
                if (wait > TimeSpan.Zero) await Task.Delay(wait, time, stoppingToken);
                foreach (var schedule in schedules) await schedule.RunDueAsync(time.GetUtcNow(), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task InvokeAsync(LocalFunction function, DateTimeOffset occurrence, DateTimeOffset? last, DateTimeOffset? next, CancellationToken cancellationToken)
    {
        var timer = new TimerInfo
        {
            ScheduleStatus = new ScheduleStatus { Last = (last ?? occurrence).UtcDateTime, Next = (next ?? occurrence).UtcDateTime, LastUpdated = occurrence.UtcDateTime },
            IsPastDue = time.GetUtcNow() - occurrence > TimeSpan.FromMinutes(1),
        };
        try
        {
            await using var scope = services.CreateAsyncScope();
            await FunctionInvoker.InvokeAsync(function, scope.ServiceProvider, parameter => Bind(parameter, function, timer, scope.ServiceProvider, cancellationToken));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // As on the Functions host: a failed occurrence is logged and the schedule goes on.
            logger.LogError(ex, "Timer function {Function} failed at {Occurrence}; it runs again at its next occurrence", function.Name, occurrence);
        }
    }

    private static object? Bind(ParameterInfo parameter, LocalFunction function, TimerInfo timer, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (parameter == function.TriggerParameter) return timer;
        if (parameter.ParameterType == typeof(CancellationToken)) return cancellationToken;
        if (parameter.GetCustomAttribute<DurableClientAttribute>() is not null) return services.GetRequiredService<DurableTaskClient>();
        throw new InvalidOperationException($"The local host cannot bind parameter {parameter.Name} of function {function.Name}.");
    }

    private sealed class Schedule(LocalTimerTriggers host, LocalFunction function, CronExpression cron, DateTimeOffset start) : IClockDrivenWork
    {
        private DateTimeOffset? last;

        public DateTimeOffset? NextDueAt { get; private set; } = cron.GetNextOccurrence(start, TimeZoneInfo.Utc);

        public async Task RunDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
        {
            while (NextDueAt is { } due && due <= now)
            {
                var following = cron.GetNextOccurrence(due, TimeZoneInfo.Utc);
                await host.InvokeAsync(function, due, last, following, cancellationToken);
                last = due;
                NextDueAt = following;
            }
        }
    }
}
