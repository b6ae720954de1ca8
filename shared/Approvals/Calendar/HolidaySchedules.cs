using System.Globalization;
using System.Text.Json;

namespace Approvals.Calendar;

/// <summary>
/// Reads holiday schedules from data (<c>Data/holidays.json</c> shape:
/// <c>{"schedules":[{"year":2026,"holidays":["2026-01-01",...],"extraWorkingDays":["2026-01-04",...]}]}</c>),
/// validating every entry and reporting all problems at once.
/// </summary>
public static class HolidaySchedules
{
    /// <summary>The schedules shipped in the assembly (2024–2026).</summary>
    public static IReadOnlyList<HolidaySchedule> Embedded()
    {
        using var stream = typeof(HolidaySchedules).Assembly.GetManifestResourceStream("Approvals.Data.holidays.json")
            ?? throw new InvalidOperationException("The embedded resource Approvals.Data.holidays.json is missing.");
        return Parse(stream);
    }

    /// <summary>Parses schedules from a stream of JSON.</summary>
    public static IReadOnlyList<HolidaySchedule> Parse(Stream json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var reader = new StreamReader(json);
        return Parse(reader.ReadToEnd());
    }

    /// <summary>Parses schedules from JSON text.</summary>
    public static IReadOnlyList<HolidaySchedule> Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new HolidayScheduleFormatException([$"not valid JSON: {ex.Message}"]);
        }

        using (document)
        {
            var problems = new List<string>();
            var result = new List<HolidaySchedule>();
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("schedules", out var schedules)
                || schedules.ValueKind != JsonValueKind.Array)
            {
                throw new HolidayScheduleFormatException(["the document must be an object with a 'schedules' array"]);
            }

            var years = new HashSet<int>();
            var index = 0;
            foreach (var entry in schedules.EnumerateArray())
            {
                var where = $"schedules[{index++}]";
                if (entry.ValueKind != JsonValueKind.Object
                    || !entry.TryGetProperty("year", out var yearElement)
                    || !yearElement.TryGetInt32(out var year)
                    || year is < 1990 or > 2999)
                {
                    problems.Add($"{where}: 'year' must be a plausible year number");
                    continue;
                }

                where = $"schedule {year}";
                if (!years.Add(year))
                {
                    problems.Add($"{where}: the year appears more than once");
                }

                var holidays = ReadDates(entry, "holidays", year, where, problems);
                var working = ReadDates(entry, "extraWorkingDays", year, where, problems);
                foreach (var day in working.Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).Order())
                {
                    problems.Add($"{where}: extra working day {day:yyyy-MM-dd} is a {day.DayOfWeek}, not a weekend day");
                }

                foreach (var day in holidays.Intersect(working).Order())
                {
                    problems.Add($"{where}: {day:yyyy-MM-dd} is both a holiday and an extra working day");
                }

                result.Add(new HolidaySchedule(year, holidays, working));
            }

            if (problems.Count > 0)
            {
                throw new HolidayScheduleFormatException(problems);
            }

            return result;
        }
    }

    private static HashSet<DateOnly> ReadDates(JsonElement entry, string property, int year, string where, List<string> problems)
    {
        var dates = new HashSet<DateOnly>();
        if (!entry.TryGetProperty(property, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"{where}: '{property}' must be an array of yyyy-MM-dd dates");
            return dates;
        }

        foreach (var item in array.EnumerateArray())
        {
            var text = item.ValueKind == JsonValueKind.String ? item.GetString() : item.GetRawText();
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                problems.Add($"{where}: '{text}' in '{property}' is not a yyyy-MM-dd date");
            }
            else if (day.Year != year)
            {
                problems.Add($"{where}: {text} in '{property}' is not in {year}");
            }
            else if (!dates.Add(day))
            {
                problems.Add($"{where}: {text} appears twice in '{property}'");
            }
        }

        return dates;
    }
}
