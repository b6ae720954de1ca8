namespace Approvals.Calls;

/// <summary>The call policy data is invalid; <see cref="Problems"/> lists every problem at once.</summary>
public sealed class CallPolicyException(IReadOnlyList<string> problems)
    : Exception("The call policy is invalid: " + string.Join("; ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
