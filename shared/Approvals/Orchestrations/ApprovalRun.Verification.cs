using Approvals.Activities;
using Approvals.Applications;

namespace Approvals.Orchestrations;

internal sealed partial class ApprovalRun
{
    /// <summary>
    /// Verifies one commitment (核查) on durable timers: a supplement must arrive by its deadline and pass the
    /// department's check; retained and on-site commitments are checked when sampled. A result that never comes
    /// turns red and is escalated; it is never assumed to pass.
    /// </summary>
    private async Task VerifyAsync(PlannedCommitment commitment)
    {
        var window = await context.CallActivityAsync<Deadline>(ActivityNames.ComputeDeadline, new DeadlineRequest(Now, commitment.WithinWorkingDays), Retry);
        UpdateCommitment(commitment, c => c with { DueAt = window.DueAt, Provisional = window.Provisional, Light = "green" });
        Record($"commitment {commitment.CommitmentId} ({commitment.Class}, {commitment.MaterialCode}) to be verified by {commitment.VerifyingDepartment} by {window.DueAt:yyyy-MM-dd}" +
            (commitment.Class == "supplement" ? "" : commitment.Sampled ? $"; sampled: {commitment.SamplingReason}" : $"; not sampled: {commitment.SamplingReason}"));
        Publish();

        InspectionResult? result;
        if (commitment.Class == "supplement")
        {
            using var cancel = new CancellationTokenSource();
            var supplied = context.WaitForExternalEvent<SuppliedMaterial>(Signals.MaterialSupplied(commitment.MaterialCode), cancel.Token);
            var deadline = context.CreateTimer(window.DueAt.UtcDateTime, cancel.Token);
            var winner = await Task.WhenAny(supplied, deadline);
            cancel.Cancel();
            if (winner == deadline)
            {
                await EnforceAsync(commitment, "broken", $"{commitment.MaterialCode} was not supplied by {window.DueAt:yyyy-MM-dd}");
                return;
            }
            Record($"{commitment.MaterialCode} supplied (material {supplied.Result.MaterialId[..12]}…); {commitment.VerifyingDepartment} to check it");
            UpdateCommitment(commitment, c => c with { Status = "supplied" });
            Publish();
            var check = await context.CallActivityAsync<Deadline>(ActivityNames.ComputeDeadline, new DeadlineRequest(Now, commitment.WithinWorkingDays), Retry);
            result = await AwaitInspectionAsync(commitment, check.DueAt);
        }
        else if (commitment.Sampled)
        {
            await context.CallActivityAsync<bool>(ActivityNames.SendReviewRequest, new Notification(plan.ApplicationId, commitment.VerifyingDepartment, "inspection-request",
                $"抽查 / sampled for {(commitment.Class == "on-site" ? "site inspection" : "document check")}: {commitment.MaterialCode}, due {window.DueAt:yyyy-MM-dd}",
                $"{plan.ApplicationId}/{commitment.CommitmentId}/inspection"), Retry);
            result = await AwaitInspectionAsync(commitment, window.DueAt);
        }
        else
        {
            await context.CreateTimer(window.DueAt.UtcDateTime, CancellationToken.None);
            result = new InspectionResult(commitment.CommitmentId, "pass", "not sampled; no complaint within the verification period", commitment.VerifyingDepartment, Now);
        }

        switch (result.Result)
        {
            case "pass":
                UpdateCommitment(commitment, c => c with { Status = "fulfilled", Light = null });
                Record($"commitment {commitment.CommitmentId} fulfilled");
                Publish();
                await context.CallActivityAsync<bool>(ActivityNames.RecordCredit,
                    new CreditOutcome(plan.Uscc, "fulfilled", $"{plan.ApplicationId}/{commitment.CommitmentId}", $"{commitment.MaterialCode}: {result.Findings}", Now), Retry);
                break;
            case "false":
                await EnforceAsync(commitment, "false", result.Findings ?? "false commitment found on inspection");
                break;
            default:
                await EnforceAsync(commitment, "broken", result.Findings ?? "failed verification");
                break;
        }
    }

    private async Task<InspectionResult> AwaitInspectionAsync(PlannedCommitment commitment, DateTimeOffset dueAt)
    {
        using var cancel = new CancellationTokenSource();
        var inspection = context.WaitForExternalEvent<InspectionResult>(Signals.Inspection(commitment.CommitmentId), cancel.Token);
        var overdue = context.CreateTimer(dueAt.UtcDateTime, cancel.Token);
        if (await Task.WhenAny(inspection, overdue) == overdue)
        {
            UpdateCommitment(commitment, c => c with { Light = "red" });
            Record($"verification of {commitment.CommitmentId} by {commitment.VerifyingDepartment} is overdue: red light, escalated; still waiting for the result");
            await context.CallActivityAsync<bool>(ActivityNames.Escalate, new Notification(plan.ApplicationId, "supervisor", "overdue-verification",
                $"{commitment.VerifyingDepartment} has not verified {commitment.CommitmentId} of {plan.ApplicationId}, due {dueAt:yyyy-MM-dd}",
                $"{plan.ApplicationId}/{commitment.CommitmentId}/red"), Retry);
            Publish();
        }
        var result = await inspection;
        cancel.Cancel();
        Record($"{result.Department} inspected {commitment.CommitmentId}: {result.Result}{(result.Findings is { Length: > 0 } f ? $" ({f})" : "")}");
        return result;
    }

    /// <summary>
    /// A broken or false commitment (执法): revokes the certificates of the items that depended on it, and only those;
    /// opens an enforcement case; records the outcome and the revocation in the applicant's credit.
    /// </summary>
    private async Task EnforceAsync(PlannedCommitment commitment, string outcome, string findings)
    {
        UpdateCommitment(commitment, c => c with { Status = outcome, Light = null });
        var revoked = certificates.Where(c => commitment.Items.Contains(c.Item) && c.Certificate.Status == "valid").Select(c => c.Certificate.Number).ToList();
        Record($"commitment {commitment.CommitmentId} {(outcome == "false" ? "found false" : "broken")}: {findings}");
        if (revoked.Count > 0)
        {
            await context.CallActivityAsync<bool>(ActivityNames.RevokeCertificates, new RevocationRequest(plan.ApplicationId, revoked, findings, Now), Retry);
            for (var i = 0; i < certificates.Count; i++)
            {
                if (revoked.Contains(certificates[i].Certificate.Number))
                {
                    certificates[i] = (certificates[i].Certificate with { Status = "revoked" }, certificates[i].Item);
                }
            }
            Record($"revoked: {string.Join(", ", revoked)}");
        }
        Publish();
        await context.CallActivityAsync<string>(ActivityNames.OpenEnforcementCase,
            new EnforcementRequest(plan.ApplicationId, plan.Uscc, commitment.CommitmentId, outcome, findings, Now), Retry);
        var reference = $"{plan.ApplicationId}/{commitment.CommitmentId}";
        await context.CallActivityAsync<bool>(ActivityNames.RecordCredit,
            new CreditOutcome(plan.Uscc, outcome == "false" ? "false-commitment" : "broken", reference, findings, Now), Retry);
        if (revoked.Count > 0)
        {
            await context.CallActivityAsync<bool>(ActivityNames.RecordCredit,
                new CreditOutcome(plan.Uscc, "revocation", reference + "/revocation", string.Join(", ", revoked), Now), Retry);
        }
    }

    private void UpdateCommitment(PlannedCommitment commitment, Func<CommitmentView, CommitmentView> change) =>
        Replace(commitments, c => c.Id == commitment.CommitmentId, change);
}
