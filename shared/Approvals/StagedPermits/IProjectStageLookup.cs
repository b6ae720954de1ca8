namespace Approvals.StagedPermits;

/// <summary>Finds the staged-permit applications a project made before, by project code.</summary>
public interface IProjectStageLookup
{
    Task<IReadOnlyList<EarlierStage>> FindAsync(string projectCode, CancellationToken cancellationToken = default);
}
