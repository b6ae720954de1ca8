using System.Text.Json;
using Approvals.Stores;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Approvals.Activities;

/// <summary>
/// Hands the acceptance opinion and survey results to the archives or to real-estate registration (验登合一). It only
/// records the push in the outbox, keyed by application and recipient so a retry pushes once; the authority answers
/// with its certificate number as an external event.
/// </summary>
public sealed class PushForCertificationActivity(IKeyedRecords records, ILogger<PushForCertificationActivity> logger) : TaskActivity<CertificationPush, bool>
{
    public const string Scope = "certification-pushes";

    public override async Task<bool> RunAsync(TaskActivityContext context, CertificationPush push)
    {
        var (added, _) = await records.TryAddAsync(Scope, $"{push.ApplicationId}/{push.Recipient}", JsonSerializer.Serialize(push), CancellationToken.None);
        if (added)
        {
            logger.LogInformation("Acceptance of {ApplicationId} pushed to {Recipient}", push.ApplicationId, push.Recipient);
        }
        return added;
    }
}
