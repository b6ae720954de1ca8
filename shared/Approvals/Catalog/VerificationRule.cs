namespace Approvals.Catalog;

/// <summary>How commitments of an item are verified (核查): by which department, within how many working days, sampled how.</summary>
public sealed record VerificationRule(string Department, int WithinWorkingDays, SamplingRule Sampling)
{
    /// <summary>Where <see cref="WithinWorkingDays"/> comes from: a seed and measure, or "local default, configurable".</summary>
    public string Source { get; init; } = "";
}
