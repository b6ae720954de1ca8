using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Approvals.Identity;

/// <summary>
/// A project code (项目代码, GB/T 40058-2021) issued by the investment project platform: 24 characters in five
/// hyphen-joined segments, yymm-region(6)-department(2)-type(2)-serial(5 + check digit), e.g. <c>2606-451323-04-01-451872</c>.
/// Only the shape and a plausible year-month are checked; the check digit's algorithm is not published to us.
/// </summary>
public readonly record struct ProjectCode
{
    /// <summary>The first year in which project codes were issued nationally; earlier year-months are implausible.</summary>
    public const int FirstYear = 2015;

    private ProjectCode(string value) => Value = value;

    /// <summary>The 24-character code.</summary>
    public string Value { get; }

    /// <summary>The year of the code's year-month segment.</summary>
    public int Year => 2000 + int.Parse(Value.AsSpan(0, 2), CultureInfo.InvariantCulture);

    /// <summary>The month of the code's year-month segment.</summary>
    public int Month => int.Parse(Value.AsSpan(2, 2), CultureInfo.InvariantCulture);

    /// <summary>The 6-digit administrative region code.</summary>
    public string Region => Value.Substring(5, 6);

    /// <summary>The 2-digit supervising department code.</summary>
    public string Department => Value.Substring(12, 2);

    /// <summary>The 2-digit project type code.</summary>
    public string ProjectType => Value.Substring(15, 2);

    /// <summary>The 6-digit serial number including its check digit.</summary>
    public string Serial => Value.Substring(18, 6);

    /// <summary>Parses a code, throwing <see cref="FormatException"/> with the reason when it is not well formed.</summary>
    public static ProjectCode Parse(string text) =>
        TryParse(text, out var code, out var error) ? code : throw new FormatException(error);

    /// <summary>Parses a code; on failure <paramref name="error"/> says what is wrong.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out ProjectCode code, [NotNullWhen(false)] out string? error)
    {
        code = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "The project code is empty.";
            return false;
        }

        var value = text.Trim();
        if (value.Length != 24)
        {
            error = $"The project code must have 24 characters; '{value}' has {value.Length}.";
            return false;
        }

        var segments = value.Split('-');
        int[] lengths = [4, 6, 2, 2, 6];
        string[] names = ["year-month", "region", "department", "project type", "serial"];
        if (segments.Length != lengths.Length)
        {
            error = $"The project code '{value}' must have 5 hyphen-joined segments (yymm-region-department-type-serial); it has {segments.Length}.";
            return false;
        }

        for (var i = 0; i < segments.Length; i++)
        {
            if (segments[i].Length != lengths[i] || !segments[i].All(char.IsAsciiDigit))
            {
                error = $"The {names[i]} segment of project code '{value}' must be {lengths[i]} digits; it is '{segments[i]}'.";
                return false;
            }
        }

        var month = int.Parse(segments[0].AsSpan(2, 2), CultureInfo.InvariantCulture);
        var year = 2000 + int.Parse(segments[0].AsSpan(0, 2), CultureInfo.InvariantCulture);
        if (month is < 1 or > 12)
        {
            error = $"The year-month segment of project code '{value}' names month {month:00}, which does not exist.";
            return false;
        }

        if (year < FirstYear)
        {
            error = $"The year-month segment of project code '{value}' names {year}, before project codes were issued ({FirstYear}).";
            return false;
        }

        code = new ProjectCode(value);
        error = null;
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Value ?? "";
}
