using System.Globalization;
using System.Text.Json;
using Approvals.Activities;

namespace Approvals.Applications;

/// <summary>
/// Working days in China's calendar, Asia/Shanghai: weekends and public holidays off, adjusted weekend workdays
/// (调休) on. "N working days after D" counts from the day after D; the deadline is 24:00 of the Nth working day.
/// A count that reaches into a year whose schedule is not loaded uses weekends only there and is provisional.
/// </summary>
public sealed class ShanghaiDeadlineCalculator : IDeadlineCalculator
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(8);
    private readonly HashSet<DateOnly> holidays = [];
    private readonly HashSet<DateOnly> workdays = [];
    private readonly HashSet<int> loadedYears = [];

    /// <summary>The share of a limit after which a task turns yellow (besides its last working day).</summary>
    public double YellowShare { get; init; } = 0.8;

    public ShanghaiDeadlineCalculator(Stream schedules) => Load(schedules);

    /// <summary>The schedules shipped with the app (2024–2026).</summary>
    public static ShanghaiDeadlineCalculator FromEmbeddedData()
    {
        using var stream = typeof(ShanghaiDeadlineCalculator).Assembly.GetManifestResourceStream("Approvals.Data.holiday-schedules.json")
            ?? throw new InvalidOperationException("The holiday schedules are missing from the assembly.");
        return new ShanghaiDeadlineCalculator(stream);
    }

    public IReadOnlySet<int> LoadedYears => loadedYears;

    /// <summary>Adds years' schedules (the State Council publishes each year's around November).</summary>
    public void Load(Stream schedules)
    {
        using var document = JsonDocument.Parse(schedules);
        foreach (var year in document.RootElement.GetProperty("years").EnumerateObject())
        {
            loadedYears.Add(int.Parse(year.Name, CultureInfo.InvariantCulture));
            foreach (var range in year.Value.GetProperty("holidays").EnumerateArray()) foreach (var d in Expand(range.GetString()!)) holidays.Add(d);
            foreach (var range in year.Value.GetProperty("workdays").EnumerateArray()) foreach (var d in Expand(range.GetString()!)) workdays.Add(d);
        }
    }

    public bool IsWorkingDay(DateOnly day) =>
        workdays.Contains(day) || (!holidays.Contains(day) && day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));

    public Deadline Compute(DeadlineRequest request)
    {
        var days = request.WorkingDays;
        if (request.UsedFrom is { } usedFrom && request.UsedTo is { } usedTo)
        {
            days = Math.Max(1, days - WorkingDaysBetween(usedFrom, usedTo));
        }
        var start = DateOnly.FromDateTime(request.From.ToOffset(Offset).DateTime);
        var day = start;
        var counted = 0;
        var provisional = false;
        // Yellow from the working day on which the configured share of the limit has been used, the last day at the latest.
        var yellowIndex = Math.Min(days, (int)Math.Floor(days * YellowShare) + 1);
        DateOnly? yellowDay = null;
        while (counted < days)
        {
            day = day.AddDays(1);
            provisional |= !loadedYears.Contains(day.Year);
            if (!IsWorkingDay(day)) continue;
            counted++;
            if (counted == yellowIndex) yellowDay = day;
        }
        var due = new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), Offset);
        var yellowAt = new DateTimeOffset(yellowDay!.Value.ToDateTime(TimeOnly.MinValue), Offset);
        return new Deadline(due, yellowAt, provisional);
    }

    public int WorkingDaysBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var first = DateOnly.FromDateTime(from.ToOffset(Offset).DateTime);
        var last = DateOnly.FromDateTime(to.ToOffset(Offset).DateTime);
        var count = 0;
        for (var d = first.AddDays(1); d <= last; d = d.AddDays(1))
        {
            if (IsWorkingDay(d)) count++;
        }
        return count;
    }

    private static IEnumerable<DateOnly> Expand(string range)
    {
        var parts = range.Split('/');
        var first = DateOnly.ParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var last = parts.Length > 1 ? DateOnly.ParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture) : first;
        for (var d = first; d <= last; d = d.AddDays(1)) yield return d;
    }
}
