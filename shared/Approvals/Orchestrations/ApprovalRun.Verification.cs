using Approvals.Activities;
using Approvals.Applications;

namespace Approvals.Orchestrations;

internal sealed partial class ApprovalRun
{
    /// <summary>
    /// Verifies one commitment (核查) on durable timers: a supplement must arrive by its deadline and pass the
    /// department's check; retained and on-site commitments are checked when sampled, or when a complaint or an
    /// inspection reaches them within the window. One never checked ends "not-sampled" (not sampled, no finding): no
    /// credit bonus, and joint acceptance verifies it in full. A result that never comes turns red and is escalated;
    /// it is never assumed to pass.
    /// </summary>
    private async Task VerifyAsync(PlannedCommitment commitment)
    {
        var window = await Deadlines.ComputeAsync(WindowKey(commitment), new DeadlineRequest(Now, commitment.WithinWorkingDays));
        UpdateCommitment(commitment, c => c with { DueAt = window.DueAt, Provisional = window.Provisional, Light = "green" });
        Record($"commitment {commitment.CommitmentId} ({commitment.Class}, {commitment.MaterialCode}) to be verified by {commitment.VerifyingDepartment} by {window.DueAt:yyyy-MM-dd}" +
            (commitment.Class == "supplement" ? "" : commitment.Sampled ? $"; sampled: {commitment.SamplingReason}" : $"; not sampled: {commitment.SamplingReason}"));
        Publish();

        InspectionResult? result;
        if (commitment.Class == "supplement")
        {
            using var cancel = new CancellationTokenSource();
            var supplied = context.WaitForExternalEvent<SuppliedMaterial>(Signals.MaterialSupplied(commitment.MaterialCode), cancel.Token);
            // The inspection wait spans the supply: a false finding may come before the material (issue 14, defect 4).
            var inspection = context.WaitForExternalEvent<InspectionResult>(Signals.Inspection(commitment.CommitmentId));
            bool inTime;
            while (true)
            {
                inTime = await Deadlines.AnswerBeforeAsync(Task.WhenAny(supplied, inspection), WindowKey(commitment));
                if (!inTime || supplied.IsCompleted || inspection.Result.Result == "false") break;
                Record($"{inspection.Result.Department} sent {inspection.Result.Result} for {commitment.CommitmentId} before {commitment.MaterialCode} was supplied: not taken");
                Publish();
                inspection = context.WaitForExternalEvent<InspectionResult>(Signals.Inspection(commitment.CommitmentId));
            }
            var foundFalseFirst = inTime && !supplied.IsCompleted;
            cancel.Cancel();
            var suppliedBy = Deadlines[WindowKey(commitment)].DueAt;
            Deadlines.Remove(WindowKey(commitment));
            if (!inTime)
            {
                await EnforceAsync(commitment, "broken", $"{commitment.MaterialCode} was not supplied by {suppliedBy:yyyy-MM-dd}");
                return;
            }
            if (foundFalseFirst)
            {
                result = inspection.Result;
                Record($"{result.Department} found {commitment.CommitmentId} false before {commitment.MaterialCode} was supplied{(result.Findings is { Length: > 0 } f ? $" ({f})" : "")}");
            }
            else
            {
                Record($"{commitment.MaterialCode} supplied (material {supplied.Result.MaterialId[..12]}…); {commitment.VerifyingDepartment} to check it");
                UpdateCommitment(commitment, c => c with { Status = "supplied" });
                Publish();
                await Deadlines.ComputeAsync(CheckKey(commitment), new DeadlineRequest(Now, commitment.WithinWorkingDays));
                result = await AwaitInspectionAsync(commitment, CheckKey(commitment), inspection);
            }
        }
        else if (commitment.Sampled)
        {
            await context.CallActivityAsync<bool>(ActivityNames.SendReviewRequest, new Notification(plan.ApplicationId, commitment.VerifyingDepartment, "inspection-request",
                $"抽查 / sampled for {(commitment.Class == "on-site" ? "site inspection" : "document check")}: {commitment.MaterialCode}, due {window.DueAt:yyyy-MM-dd}",
                $"{plan.ApplicationId}/{commitment.CommitmentId}/inspection"), Retry);
            result = await AwaitInspectionAsync(commitment, WindowKey(commitment));
        }
        else
        {
            // Not drawn is not verified: a complaint or an inspection may still come until the window ends.
            using var cancel = new CancellationTokenSource();
            var complaint = context.WaitForExternalEvent<Complaint>(Signals.Complaint(commitment.CommitmentId), cancel.Token);
            var inspection = context.WaitForExternalEvent<InspectionResult>(Signals.Inspection(commitment.CommitmentId), cancel.Token);
            var inWindow = await Deadlines.AnswerBeforeAsync(Task.WhenAny(complaint, inspection), WindowKey(commitment));
            cancel.Cancel();
            if (!inWindow)
            {
                Deadlines.Remove(WindowKey(commitment));
                UpdateCommitment(commitment, c => c with { Status = "not-sampled", Light = null });
                Record($"commitment {commitment.CommitmentId}: 未抽中，无发现 / not sampled, no finding by {window.DueAt:yyyy-MM-dd}; no credit bonus, verified in full at joint acceptance (全面核验)");
                Publish();
                return;
            }
            if (complaint.IsCompleted)
            {
                await context.CallActivityAsync<bool>(ActivityNames.SendReviewRequest, new Notification(plan.ApplicationId, commitment.VerifyingDepartment, "inspection-request",
                    $"投诉核查 / complaint to check: {commitment.MaterialCode} ({complaint.Result.Text}), due {window.DueAt:yyyy-MM-dd}",
                    $"{plan.ApplicationId}/{commitment.CommitmentId}/complaint-inspection"), Retry);
                UpdateCommitment(commitment, c => c with { Sampled = true });
                Record($"complaint about {commitment.CommitmentId}: {complaint.Result.Text}; {commitment.VerifyingDepartment} to inspect it");
                Publish();
                result = await AwaitInspectionAsync(commitment, WindowKey(commitment));
            }
            else
            {
                Deadlines.Remove(WindowKey(commitment));
                result = inspection.Result;
                Record($"{result.Department} inspected {commitment.CommitmentId} unsampled: {result.Result}{(result.Findings is { Length: > 0 } f ? $" ({f})" : "")}");
            }
        }

        await ConcludeAsync(commitment, result);
    }

    private async Task ConcludeAsync(PlannedCommitment commitment, InspectionResult result)
    {
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

    /// <summary>
    /// A gap (容缺) waits for its material from acceptance, in parallel with the review, until the end of the item's
    /// limit counted from acceptance (Shandong measure 31: the catch-up period never exceeds the promised completion
    /// time). Not supplied by then: a broken commitment, and no decision issues for the items that depend on it.
    /// </summary>
    private async Task<bool> AwaitGapSupplyAsync(PlannedCommitment gap)
    {
        var window = await Deadlines.ComputeAsync(WindowKey(gap), new DeadlineRequest(plan.AcceptedAt, gap.WithinWorkingDays));
        UpdateCommitment(gap, c => c with { DueAt = window.DueAt, Provisional = window.Provisional, Light = "green" });
        Record($"gap {gap.CommitmentId} (容缺, {gap.MaterialCode}) to be supplied by {window.DueAt:yyyy-MM-dd}; the decision on {string.Join(", ", gap.Items)} issues once it is");
        Publish();

        using var cancel = new CancellationTokenSource();
        var supplied = context.WaitForExternalEvent<SuppliedMaterial>(Signals.MaterialSupplied(gap.MaterialCode), cancel.Token);
        var inTime = await Deadlines.AnswerBeforeAsync(supplied, WindowKey(gap));
        cancel.Cancel();
        var suppliedBy = Deadlines[WindowKey(gap)].DueAt;
        Deadlines.Remove(WindowKey(gap));
        if (!inTime)
        {
            await EnforceAsync(gap, "broken", $"{gap.MaterialCode} (容缺) was not supplied by {suppliedBy:yyyy-MM-dd}: no decision for {string.Join(", ", gap.Items)}");
            return false;
        }
        Record($"{gap.MaterialCode} supplied (material {supplied.Result.MaterialId[..12]}…); gap {gap.CommitmentId} closed, {gap.VerifyingDepartment} to check it");
        UpdateCommitment(gap, c => c with { Status = "supplied" });
        Publish();
        return true;
    }

    /// <summary>The decision on an item held for gaps issues once every one of them is supplied, and never otherwise.</summary>
    private async Task IssueAfterGapsAsync((string Item, string Name) item, IReadOnlyDictionary<string, Task<bool>> gaps)
    {
        var own = GapsOf(item.Item).ToList();
        var supplied = await Task.WhenAll(own.Select(g => gaps[g.CommitmentId]));
        if (supplied.All(s => s))
        {
            await IssueCertificatesAsync([item]);
            return;
        }
        Record($"no decision issued for {item.Item}: gap(s) {string.Join(", ", own.Where((_, n) => !supplied[n]).Select(g => g.MaterialCode))} not supplied in time (容缺)");
        Publish();
    }

    /// <summary>A supplied gap is checked by its department like any supplement; one never supplied was already enforced.</summary>
    private async Task CheckGapAsync(PlannedCommitment gap, Task<bool> supply)
    {
        if (!await supply) return;
        await Deadlines.ComputeAsync(CheckKey(gap), new DeadlineRequest(Now, gap.WithinWorkingDays));
        await ConcludeAsync(gap, await AwaitInspectionAsync(gap, CheckKey(gap)));
    }

    /// <summary>Waits for the department's result; past the deadline under <paramref name="key"/> the light turns red and the wait goes on.</summary>
    private async Task<InspectionResult> AwaitInspectionAsync(PlannedCommitment commitment, string key, Task<InspectionResult>? waiting = null)
    {
        var inspection = waiting ?? context.WaitForExternalEvent<InspectionResult>(Signals.Inspection(commitment.CommitmentId));
        var inTime = await Deadlines.AnswerBeforeAsync(inspection, key);
        var dueAt = Deadlines[key].DueAt;
        Deadlines.Remove(key);
        if (!inTime)
        {
            UpdateCommitment(commitment, c => c with { Light = "red" });
            Record($"verification of {commitment.CommitmentId} by {commitment.VerifyingDepartment} is overdue: red light, escalated; still waiting for the result");
            await context.CallActivityAsync<bool>(ActivityNames.Escalate, new Notification(plan.ApplicationId, "supervisor", "overdue-verification",
                $"{commitment.VerifyingDepartment} has not verified {commitment.CommitmentId} of {plan.ApplicationId}, due {dueAt:yyyy-MM-dd}",
                $"{plan.ApplicationId}/{commitment.CommitmentId}/red"), Retry);
            Publish();
        }
        var result = await inspection;
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
        await EnforcementSteps.OpenCaseAndRecordCreditAsync(context, Retry, plan.ApplicationId, plan.Uscc, commitment.CommitmentId, outcome, findings, revoked, Now);
    }

    private void UpdateCommitment(PlannedCommitment commitment, Func<CommitmentView, CommitmentView> change) =>
        Replace(commitments, c => c.Id == commitment.CommitmentId, change);
}
