using Approvals.Activities;
using Approvals.BusinessOpenings;
using Approvals.Intake;
using Microsoft.DurableTask;

namespace Approvals.Orchestrations;

internal sealed partial class BusinessOpeningRun
{
    /// <summary>
    /// One item's post-check (事后核查): due within its working days from the issue, site for a commitment permit,
    /// documents for a filing (备案, no site inspection). Lights turn yellow, then red at the due date, when the supervisor
    /// is told; the post-check stays due (never assumed verified, the permit stays valid) and the wait goes on.
    /// </summary>
    private async Task PostCheckAsync(PlannedInstantItem item)
    {
        var deadline = await context.CallActivityAsync<Deadline>(ActivityNames.ComputeDeadline, new DeadlineRequest(issuedAt!.Value, item.PostCheckWorkingDays), Retry);
        Update(item.Code, v => v with { PostCheckStatus = "due", DueAt = deadline.DueAt, Provisional = deadline.Provisional, Light = "green" });
        var kind = item.PostCheckKind == "site" ? "现场核查 / site inspection" : "材料核查 / document check";
        Record($"事后核查 / post-check due: {item.Code} {kind} by {item.Department}, 截止 / due {Local(deadline.DueAt):yyyy-MM-dd HH:mm} " +
            $"({item.PostCheckWorkingDays} 个工作日 / working days{(deadline.Provisional ? ", provisional" : "")})");
        Publish();
        await context.CallActivityAsync<bool>(ActivityNames.SendReviewRequest, new Notification(plan.CaseId, item.Department, "post-check-request",
            $"事后核查 / post-check of {item.Code} ({item.Permit}) for {plan.CompanyName} ({uscc}): {kind}, due {Local(deadline.DueAt):yyyy-MM-dd}",
            $"{plan.CaseId}/{item.Code}/post-check"), Retry);

        var result = await AwaitResultAsync(item, deadline);
        var late = result.At > deadline.DueAt;
        if (result.Outcome == "verified")
        {
            Update(item.Code, v => v with { PostCheckStatus = "verified", Light = null, Finding = result.Finding, Inspector = result.Inspector, CheckedAt = Now, Late = late });
            Record($"核查通过 / post-check verified: {item.Code}{(late ? "（逾期 / late）" : "")}{(result.Finding is { Length: > 0 } f ? $" ({f})" : "")}");
            Publish();
            await context.CallActivityAsync<bool>(ActivityNames.RecordCredit,
                new CreditOutcome(uscc!, CreditKinds.Fulfilled, $"{plan.CaseId}/{item.Code}", $"{item.Code} {item.Permit}: 事后核查通过 / post-check verified", Now), Retry);
            return;
        }
        await BreakAsync(item, result, late);
    }

    /// <summary>Waits for the inspector; at the due date the light turns red and the supervisor is told, and the wait goes on.</summary>
    private async Task<PostCheckResult> AwaitResultAsync(PlannedInstantItem item, Deadline deadline)
    {
        var answer = context.WaitForExternalEvent<PostCheckResult>(BusinessOpeningSignals.PostCheck(item.Code));
        using var lights = new CancellationTokenSource();
        Task? yellow = Now < deadline.YellowAt ? context.CreateTimer(deadline.YellowAt.UtcDateTime, lights.Token) : null;
        Task? red = Now < deadline.DueAt ? context.CreateTimer(deadline.DueAt.UtcDateTime, lights.Token) : null;
        try
        {
            if (red is null) await TurnRedAsync(item, deadline);
            while (true)
            {
                var waiting = new List<Task> { answer };
                if (yellow is not null) waiting.Add(yellow);
                if (red is not null) waiting.Add(red);
                var winner = await Task.WhenAny(waiting);
                if (winner == answer) break;
                if (winner == yellow)
                {
                    yellow = null;
                    Update(item.Code, v => v with { Light = "yellow" });
                    Record($"黄灯 / yellow light: {item.Code} 临近核查截止 / post-check close to its due date");
                    Publish();
                }
                else
                {
                    red = null;
                    yellow = null;
                    await TurnRedAsync(item, deadline);
                }
            }
        }
        finally
        {
            lights.Cancel();
        }
        return answer.Result;
    }

    private async Task TurnRedAsync(PlannedInstantItem item, Deadline deadline)
    {
        Update(item.Code, v => v with { Light = "red" });
        Record($"红灯 / red light: {item.Department} 未在 {Local(deadline.DueAt):yyyy-MM-dd} 前核查 {item.Code} / not post-checked by its due date; " +
            "仍待核查，许可继续有效 / still due, the permit stays valid; 已报监管 / the supervisor is told");
        Publish();
        await context.CallActivityAsync<bool>(ActivityNames.Escalate, new Notification(plan.CaseId, "supervisor", "overdue-post-check",
            $"{item.Department} has not post-checked {item.Code} of {plan.CaseId} ({plan.CompanyName}), due {Local(deadline.DueAt):yyyy-MM-dd}",
            $"{plan.CaseId}/{item.Code}/red"), Retry);
    }

    /// <summary>
    /// A broken commitment (违诺): that item's permit or filing is revoked (撤销) and only that one, the licence stays
    /// valid; an enforcement case opens and the company's credit record takes the broken commitment and the revocation.
    /// </summary>
    private async Task BreakAsync(PlannedInstantItem item, PostCheckResult result, bool late)
    {
        var permit = items.Single(i => i.Code == item.Code).Certificate!;
        var finding = result.Finding ?? "事后核查不符合承诺 / the post-check found the commitment broken";
        await context.CallActivityAsync<bool>(ActivityNames.RevokeCertificates, new RevocationRequest(plan.CaseId, [permit.Number], finding, Now), Retry);
        Update(item.Code, v => v with
        {
            PostCheckStatus = "broken",
            Light = null,
            Certificate = permit with { Status = "revoked" },
            Finding = finding,
            Inspector = result.Inspector,
            CheckedAt = Now,
            Late = late,
        });
        Record($"违诺 / commitment broken: {item.Code} ({finding}); 撤销 / revoked {permit.Number}; 营业执照 {licence!.Number} 仍有效 / the licence stays valid");
        Publish();
        await EnforcementSteps.OpenCaseAndRecordCreditAsync(context, Retry, plan.CaseId, uscc!, item.Code, "broken", finding, [permit.Number], Now);
    }
}
