using Approvals.StagedPermits;
using Approvals.Stores;
using Microsoft.DurableTask;

namespace Approvals.Activities;

/// <summary>
/// Writes the application's claim on its permit stage (<see cref="StageClaims"/>) and returns the application holding
/// it: this one, or the one whose claim was written first. Run again after a crash it finds its own claim.
/// </summary>
public sealed class ClaimPermitStageActivity(IKeyedRecords records) : TaskActivity<StageClaimRequest, string>
{
    public override async Task<string> RunAsync(TaskActivityContext context, StageClaimRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (_, holder) = await records.TryAddAsync(StageClaims.Scope, request.Key, request.ApplicationId, CancellationToken.None);
        return holder;
    }
}

/// <summary>Input of ClaimPermitStage.</summary>
public sealed record StageClaimRequest(string Key, string ApplicationId);
