namespace Approvals.JointAcceptance;

/// <summary>The joint-acceptance policy data is invalid; <see cref="Problems"/> lists every problem found.</summary>
public sealed class JointAcceptancePolicyException : Exception
{
    public JointAcceptancePolicyException(IReadOnlyList<string> problems)
        : base("Invalid joint-acceptance policy:\n" + string.Join("\n", problems)) => Problems = problems;

    public JointAcceptancePolicyException() : this([]) { }

    public JointAcceptancePolicyException(string message) : base(message) => Problems = [message];

    public JointAcceptancePolicyException(string message, Exception inner) : base(message, inner) => Problems = [message];

    public IReadOnlyList<string> Problems { get; }
}
