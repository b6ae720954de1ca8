using Approvals.Applications;
using Approvals.Orchestrations;

namespace Approvals.JointAcceptance;

/// <summary>
/// Looks up a project's earlier commitments in the published status of its commitment-approval instances (found through
/// <see cref="ProjectApplications"/>; the engine itself knows nothing of approvals). Approvals that granted nothing (rejected, withdrawn)
/// are skipped: their commitments never took effect.
/// </summary>
public sealed class EngineProjectCommitmentLookup(ProjectApplications applications) : IProjectCommitmentLookup
{
    public async Task<IReadOnlyList<EarlierCommitment>> FindAsync(string projectCode, CancellationToken cancellationToken = default)
    {
        var found = new List<EarlierCommitment>();
        await foreach (var instance in applications.InstancesAsync(projectCode, cancellationToken))
        {
            if (!string.Equals(instance.Name, CommitmentApprovalOrchestrator.Name, StringComparison.OrdinalIgnoreCase)
                || instance.ReadCustomStatusAs<ApplicationStatusView>() is not { } view
                || !string.Equals(view.ProjectCode, projectCode, StringComparison.OrdinalIgnoreCase)
                || view.Certificates.Count == 0)
            {
                continue;
            }
            found.AddRange(view.Commitments.Select(c => new EarlierCommitment(view.ApplicationId, c.Id, c.MaterialCode, c.Items, c.Status, c.DueAt, c.Class, c.VerifyingDepartment,
                view.Certificates.Where(x => c.Items.Contains(x.Item)).Select(x => x.Number).ToList())));
        }
        return found.OrderBy(c => c.ApplicationId, StringComparer.Ordinal).ThenBy(c => c.CommitmentId, StringComparer.Ordinal).ToList();
    }
}
