using Approvals.Applications;
using Approvals.Orchestrations;

namespace Approvals.StagedPermits;

/// <summary>Finds a project's staged-permit applications in the published status of its approval instances.</summary>
public sealed class EngineProjectStageLookup(ProjectApplications applications, StagedPermitPolicy policy) : IProjectStageLookup
{
    public async Task<IReadOnlyList<EarlierStage>> FindAsync(string projectCode, CancellationToken cancellationToken = default)
    {
        var found = new List<EarlierStage>();
        await foreach (var instance in applications.InstancesAsync(projectCode, cancellationToken))
        {
            if (!string.Equals(instance.Name, CommitmentApprovalOrchestrator.Name, StringComparison.OrdinalIgnoreCase)) continue;
            if (instance.ReadCustomStatusAs<ApplicationStatusView>() is { } view)
            {
                if (view.Stage is not { } stage || !string.Equals(view.ProjectCode, projectCode, StringComparison.OrdinalIgnoreCase)) continue;
                var valid = view.Certificates.Any(c => c.Item == policy.Item && c.Status == "valid");
                found.Add(new EarlierStage(view.ApplicationId, stage.Code, view.Status, stage.ContractorUscc, stage.ContractorName, valid));
            }
            // Scheduled but not started yet: its plan says which stage it asks for.
            else if (instance.ReadInputAs<ApplicationPlan>() is { Stage: { } planned } plan && string.Equals(plan.ProjectCode, projectCode, StringComparison.OrdinalIgnoreCase))
            {
                found.Add(new EarlierStage(plan.ApplicationId, planned.Code, "submitted", planned.ContractorUscc, planned.ContractorName, PermitValid: false));
            }
        }
        return found.OrderBy(e => e.ApplicationId, StringComparer.Ordinal).ToList();
    }
}
