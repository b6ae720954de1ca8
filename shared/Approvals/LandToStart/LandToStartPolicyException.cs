namespace Approvals.LandToStart;

/// <summary>The land-to-start policy is unusable; <see cref="Problems"/> lists every problem.</summary>
public sealed class LandToStartPolicyException(IReadOnlyList<string> problems)
    : Exception("land-to-start-policy.json: " + string.Join("; ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
