namespace Approvals.Utilities;

/// <summary>The utilities policy is unusable; <see cref="Problems"/> lists every problem.</summary>
public sealed class UtilityPolicyException(IReadOnlyList<string> problems)
    : Exception("utilities-policy.json: " + string.Join("; ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
