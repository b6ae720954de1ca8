namespace Approvals.BusinessOpenings;

/// <summary>The business-opening policy data is invalid; <see cref="Problems"/> lists every problem at once.</summary>
public sealed class BusinessOpeningPolicyException(IReadOnlyList<string> problems)
    : Exception("The business-opening policy is invalid: " + string.Join("; ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
