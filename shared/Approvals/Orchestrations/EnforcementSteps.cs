using Approvals.Activities;
using Microsoft.DurableTask;

namespace Approvals.Orchestrations;

/// <summary>
/// What follows a broken or false commitment (执法) in either procedure, once its certificates are revoked: an
/// enforcement case, the outcome in the applicant's credit record, and the revocation there too. Deterministic: the
/// same activity calls in the same order on every replay.
/// </summary>
internal static class EnforcementSteps
{
    public static async Task OpenCaseAndRecordCreditAsync(
        TaskOrchestrationContext context, TaskOptions retry, string applicationId, string uscc, string commitmentId,
        string outcome, string findings, IReadOnlyList<string> revoked, DateTimeOffset now)
    {
        await context.CallActivityAsync<string>(ActivityNames.OpenEnforcementCase,
            new EnforcementRequest(applicationId, uscc, commitmentId, outcome, findings, now), retry);
        var reference = $"{applicationId}/{commitmentId}";
        await context.CallActivityAsync<bool>(ActivityNames.RecordCredit,
            new CreditOutcome(uscc, outcome == "false" ? "false-commitment" : "broken", reference, findings, now), retry);
        if (revoked.Count > 0)
        {
            await context.CallActivityAsync<bool>(ActivityNames.RecordCredit,
                new CreditOutcome(uscc, "revocation", reference + "/revocation", string.Join(", ", revoked), now), retry);
        }
    }
}
