namespace Approvals.JointAcceptance;

/// <summary>Finds the commitments a project made in its earlier approvals (those that issued certificates), by project code.</summary>
public interface IProjectCommitmentLookup
{
    Task<IReadOnlyList<EarlierCommitment>> FindAsync(string projectCode, CancellationToken cancellationToken = default);
}
