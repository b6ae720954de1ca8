using Approvals.Stores;
using Microsoft.DurableTask;

namespace Approvals.Activities;

/// <summary>Revokes (撤销) the certificates of items granted on a broken or false commitment; revoked ones say so wherever they are checked.</summary>
public sealed class RevokeCertificatesActivity(ICertificateStore store) : TaskActivity<RevocationRequest, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, RevocationRequest request)
    {
        foreach (var number in request.Numbers)
        {
            _ = await store.RevokeAsync(number, request.Reason, request.At, CancellationToken.None)
                ?? throw new InvalidOperationException($"Certificate {number} of {request.ApplicationId} does not exist.");
        }
        return true;
    }
}
