namespace Approvals.Functions.Hosting;

/// <summary>The Development virtual clock: where it starts (environment <c>Clock__Start</c>); the real time when unset.</summary>
public sealed class ClockOptions
{
    public const string Section = "Clock";

    public DateTimeOffset? Start { get; set; }
}
