namespace Approvals.Calendar;

/// <summary>A holiday schedule file that cannot be used; <see cref="Problems"/> lists every problem found.</summary>
public sealed class HolidayScheduleFormatException : Exception
{
    public HolidayScheduleFormatException(IReadOnlyList<string> problems)
        : base("The holiday schedule is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "- " + p)))
        => Problems = problems;

    public HolidayScheduleFormatException() : this(["unknown problem"])
    {
    }

    public HolidayScheduleFormatException(string message) : base(message) => Problems = [message];

    public HolidayScheduleFormatException(string message, Exception innerException) : base(message, innerException) => Problems = [message];

    /// <summary>Every problem found in the file.</summary>
    public IReadOnlyList<string> Problems { get; }
}
