using Approvals.Activities;
using Approvals.Applications;

namespace Approvals.Orchestrations;

internal sealed partial class JointAcceptanceRun
{
    /// <summary>
    /// Verifies a commitment made with this acceptance (fire acceptance filing by commitment, 消防验收备案承诺制, Shandong
    /// 2023 measure 8) after the acceptance passed, on durable timers: a supplement must arrive within its window and pass
    /// the department's check; an on-site or retained one is checked when sampled (at the lower ratio intake drew with),
    /// or when a complaint or an inspection reaches it before the window ends; otherwise it ends "not-sampled". A broken
    /// or false one revokes the acceptance certificate that rests on it, opens an enforcement case and goes into credit.
    /// </summary>
    private async Task VerifyCommitmentAsync(PlannedCommitment commitment)
    {
        var key = CommitmentKey(commitment);
        var window = await Deadlines.ComputeAsync(key, new DeadlineRequest(Now, commitment.WithinWorkingDays));
        UpdateCommitment(commitment, c => c with { DueAt = window.DueAt, Provisional = window.Provisional, Light = "green" });
        Record($"commitment {commitment.CommitmentId} ({commitment.Class}, {commitment.MaterialCode}) to be verified by {commitment.VerifyingDepartment} by {Local(window.DueAt):yyyy-MM-dd}; " +
            (commitment.Sampled ? "sampled" : "not sampled") + $": {commitment.SamplingReason}");
        Publish();

        var inspection = context.WaitForExternalEvent<InspectionResult>(Signals.Inspection(commitment.CommitmentId));
        if (commitment.Class == "supplement")
        {
            using var cancel = new CancellationTokenSource();
            var supplied = context.WaitForExternalEvent<SuppliedMaterial>(Signals.MaterialSupplied(commitment.MaterialCode), cancel.Token);
            var inTime = await Deadlines.AnswerBeforeAsync(supplied, key);
            cancel.Cancel();
            if (!inTime)
            {
                Deadlines.Remove(key);
                await EnforceCommitmentAsync(commitment, "broken", $"{commitment.MaterialCode} was not supplied by {Local(window.DueAt):yyyy-MM-dd}");
                return;
            }
            UpdateCommitment(commitment, c => c with { Status = "supplied" });
            Record($"{commitment.MaterialCode} supplied; {commitment.VerifyingDepartment} to check it");
            Publish();
            await Deadlines.ComputeAsync(key, new DeadlineRequest(Now, commitment.WithinWorkingDays));
        }
        else if (commitment.Sampled)
        {
            await RequestCommitmentInspectionAsync(commitment, "inspection", $"抽查 / sampled for {(commitment.Class == "on-site" ? "site inspection" : "document check")}");
        }
        else
        {
            using var cancel = new CancellationTokenSource();
            var complaint = context.WaitForExternalEvent<Complaint>(Signals.Complaint(commitment.CommitmentId), cancel.Token);
            var inWindow = await Deadlines.AnswerBeforeAsync(Task.WhenAny(complaint, inspection), key);
            cancel.Cancel();
            if (!inWindow)
            {
                Deadlines.Remove(key);
                UpdateCommitment(commitment, c => c with { Status = "not-sampled", Light = null });
                Record($"commitment {commitment.CommitmentId}: 未抽中，无发现 / not sampled, no finding by {Local(window.DueAt):yyyy-MM-dd}; no credit bonus");
                Publish();
                return;
            }
            if (!inspection.IsCompleted)
            {
                await RequestCommitmentInspectionAsync(commitment, "complaint-inspection", $"投诉核查 / complaint to check ({complaint.Result.Text})");
                UpdateCommitment(commitment, c => c with { Sampled = true });
                Publish();
            }
        }

        if (!await Deadlines.AnswerBeforeAsync(inspection, key))
        {
            UpdateCommitment(commitment, c => c with { Light = "red" });
            Record($"verification of {commitment.CommitmentId} by {commitment.VerifyingDepartment} is overdue: red light, escalated; still waiting for the result");
            await context.CallActivityAsync<bool>(ActivityNames.Escalate, new Notification(plan.ApplicationId, "supervisor", "overdue-verification",
                $"{commitment.VerifyingDepartment} has not verified {commitment.CommitmentId} of joint acceptance {plan.ApplicationId}, due {Local(Deadlines[key].DueAt):yyyy-MM-dd}",
                $"{plan.ApplicationId}/{commitment.CommitmentId}/red"), Retry);
            Publish();
        }
        Deadlines.Remove(key);
        var result = await inspection;
        Record($"{result.Department} inspected {commitment.CommitmentId}: {result.Result}{(result.Findings is { Length: > 0 } f ? $" ({f})" : "")}");
        if (result.Result == "pass")
        {
            UpdateCommitment(commitment, c => c with { Status = "fulfilled", Light = null });
            Publish();
            await context.CallActivityAsync<bool>(ActivityNames.RecordCredit,
                new CreditOutcome(plan.Uscc, "fulfilled", $"{plan.ApplicationId}/{commitment.CommitmentId}", $"{commitment.MaterialCode}: {result.Findings}", Now), Retry);
            return;
        }
        await EnforceCommitmentAsync(commitment, result.Result == "false" ? "false" : "broken", result.Findings ?? "failed verification");
    }

    private async Task RequestCommitmentInspectionAsync(PlannedCommitment commitment, string kind, string why)
    {
        await context.CallActivityAsync<bool>(ActivityNames.SendReviewRequest, new Notification(plan.ApplicationId, commitment.VerifyingDepartment, "inspection-request",
            $"{why}: {commitment.MaterialCode} of joint acceptance {plan.ApplicationId}, due {Local(Deadlines[CommitmentKey(commitment)].DueAt):yyyy-MM-dd}",
            $"{plan.ApplicationId}/{commitment.CommitmentId}/{kind}"), Retry);
        Record($"{commitment.VerifyingDepartment} asked to inspect {commitment.CommitmentId} ({kind})");
        Publish();
    }

    /// <summary>A broken or false commitment (执法): the acceptance certificate is revoked, a case opened, credit recorded.</summary>
    private async Task EnforceCommitmentAsync(PlannedCommitment commitment, string outcome, string findings)
    {
        UpdateCommitment(commitment, c => c with { Status = outcome, Light = null });
        Record($"commitment {commitment.CommitmentId} {(outcome == "false" ? "found false" : "broken")}: {findings}");
        var revoked = certificates.Where(c => c.Status == "valid").Select(c => c.Number).ToList();
        if (revoked.Count > 0)
        {
            await context.CallActivityAsync<bool>(ActivityNames.RevokeCertificates, new RevocationRequest(plan.ApplicationId, revoked, findings, Now), Retry);
            for (var i = 0; i < certificates.Count; i++)
            {
                if (revoked.Contains(certificates[i].Number)) certificates[i] = certificates[i] with { Status = "revoked" };
            }
            Record($"revoked: {string.Join(", ", revoked)}");
        }
        Publish();
        await EnforcementSteps.OpenCaseAndRecordCreditAsync(context, Retry, plan.ApplicationId, plan.Uscc, commitment.CommitmentId, outcome, findings, revoked, Now);
    }

    private static string CommitmentKey(PlannedCommitment c) => $"commitment:{c.CommitmentId}";

    private void UpdateCommitment(PlannedCommitment commitment, Func<CommitmentView, CommitmentView> change) =>
        Replace(commitments, c => c.Id == commitment.CommitmentId, change);
}
