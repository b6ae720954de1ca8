namespace Approvals.DirectService;

/// <summary>The direct-train policy is unusable; <see cref="Problems"/> lists every problem.</summary>
public sealed class DirectServicePolicyException(IReadOnlyList<string> problems)
    : Exception("direct-service-policy.json: " + string.Join("; ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
