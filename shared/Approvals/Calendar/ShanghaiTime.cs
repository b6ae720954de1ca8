namespace Approvals.Calendar;

/// <summary>Every date shown to people is China Standard Time (Asia/Shanghai, +08:00, no daylight saving).</summary>
public static class ShanghaiTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset Local(DateTimeOffset instant) => instant.ToOffset(Offset);

    /// <summary>The Shanghai calendar date of an instant, as yyyy-MM-dd.</summary>
    public static string Date(DateTimeOffset instant) => Local(instant).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
