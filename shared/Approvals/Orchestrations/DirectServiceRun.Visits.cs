using Approvals.Applications;
using Approvals.Activities;
using Approvals.DirectService;
using Approvals.Intake;
using Microsoft.DurableTask;
using static Approvals.Calendar.ShanghaiTime;

namespace Approvals.Orchestrations;

internal sealed partial class DirectServiceRun
{
    /// <summary>
    /// Applies a visit: accepted items, items approved and printed on site (a certificate at once, with the authority
    /// recorded), items back to the hall, extreme gap acceptances with their supply deadline, and plan nodes ticked off.
    /// </summary>
    private async Task ApplyVisitAsync(VisitRecord visit)
    {
        status = "on-site";
        foreach (var code in visit.Accepted) Replace(code, i => i with { State = "accepted", AcceptedAt = Now });
        foreach (var approval in visit.Approved)
        {
            var item = items.Single(i => i.Code == approval.Item);
            var certificate = await context.CallActivityAsync<CertificateView>(ActivityNames.IssueCertificate, new CertificateRequest(plan.BookingId, item.Code,
                $"{item.Name}（直通车现场审批 / approved on site）", plan.Uscc, plan.EnterpriseName ?? plan.Uscc, plan.ProjectCode, plan.ProjectName, Now), Retry);
            Replace(item.Code, i => i with { State = "approved-on-site", AcceptedAt = i.AcceptedAt ?? Now, DecidedAt = Now, Authority = approval.Authority, Certificate = certificate.Number });
            Record($"现场审批出证 / approved and printed on site: {item.Name}, 证照 / certificate {certificate.Number}; " +
                $"依据 / under {approval.Authority.Authorisation}, {approval.Authority.ChiefApprover}, {approval.Authority.Seal}");
        }
        foreach (var referral in visit.ToHall)
        {
            Replace(referral.Item, i => i with { State = "to-hall", DecidedAt = Now, ToHallReason = referral.Reason });
            Record($"回大厅办理 / back to the hall: {referral.Item} ({referral.Reason})");
        }
        foreach (var gap in visit.GapAccepted) await AcceptWithGapAsync(gap);
        foreach (var key in visit.Ticked)
        {
            var index = nodes.FindIndex(n => n.Key == key);
            var today = Approvals.Calendar.WorkingDayCalendar.ShanghaiDate(Now);
            nodes[index] = nodes[index] with { TickedOn = today, Late = today > nodes[index].PlannedOn };
            Record($"销号 / ticked off: {nodes[index].Name}（计划 / planned {nodes[index].PlannedOn:yyyy-MM-dd}{(nodes[index].Late ? "，逾期 / late" : "")}）");
        }
        visits.Add(new VisitView(visits.Count + 1, Now, visit.RecordedBy, visit.Accepted, visit.Approved.Select(a => a.Item).ToList(),
            visit.ToHall.Select(r => r.Item).ToList(), visit.GapAccepted.Select(g => g.Item).ToList(), visit.Ticked, visit.Note));
        if (visit.Accepted.Count > 0) Record($"现场受理 / accepted on site: {string.Join("、", visit.Accepted)}");
        Publish();
    }

    /// <summary>极限容缺受理: accepted and reviewed lacking key documents, on the commitment to supply them within the period.</summary>
    private async Task AcceptWithGapAsync(GapAcceptance gap)
    {
        var due = await context.CallActivityAsync<Deadline>(ActivityNames.ComputeDeadline, new DeadlineRequest(Now, plan.SupplyWorkingDays), Retry);
        Replace(gap.Item, i => i with { State = "gap-accepted", AcceptedAt = i.AcceptedAt ?? Now, MissingKeyDocuments = gap.MissingKeyDocuments, SupplyDueAt = due.DueAt });
        Record($"极限容缺受理 / extreme gap acceptance: {gap.Item} 缺要件 / lacking {string.Join("、", gap.MissingKeyDocuments)}; " +
            $"承诺于 {Local(due.DueAt):yyyy-MM-dd HH:mm} 前补齐，审查意见补齐后出具 / to supply by then; the opinion follows the supply");
        await context.CallActivityAsync<bool>(JointAcceptanceActivityNames.NotifyApplicant, new Notification(plan.BookingId, plan.Uscc, "extreme-gap-accepted",
            $"极限容缺受理 / accepted lacking key documents: {gap.Item}; 请于 {Local(due.DueAt):yyyy-MM-dd HH:mm} 前补齐 {string.Join("、", gap.MissingKeyDocuments)}，" +
            "逾期未补齐将撤销受理并记入信用记录 / supply them by then, or the acceptance is revoked and your credit record notes it", $"{plan.BookingId}/{gap.Item}/gap"), Retry);
    }

    /// <summary>The key documents came: the opinion is issued, and the fulfilled commitment counts for the applicant's credit.</summary>
    private async Task ApplySupplyAsync(KeyDocumentSupply supply)
    {
        var item = items.SingleOrDefault(i => i.Code == supply.Item && i.State == "gap-accepted");
        if (item is null) return;
        var opinion = await context.CallActivityAsync<CertificateView>(ActivityNames.IssueCertificate, new CertificateRequest(plan.BookingId, item.Code,
            $"{item.Name}审查意见（极限容缺受理，要件已补齐 / opinion after extreme gap acceptance, key documents supplied）",
            plan.Uscc, plan.EnterpriseName ?? plan.Uscc, plan.ProjectCode, plan.ProjectName, Now), Retry);
        Replace(item.Code, i => i with { State = "opinion-issued", SuppliedAt = Now, DecidedAt = Now, Certificate = opinion.Number });
        Record($"要件已补齐 / key documents supplied for {item.Code}; 审查意见 / opinion {opinion.Number}");
        Publish();
        await context.CallActivityAsync<bool>(ActivityNames.RecordCredit, new CreditOutcome(plan.Uscc, CreditKinds.Fulfilled, $"{plan.BookingId}/{item.Code}/extreme-gap",
            $"极限容缺受理承诺已履行 / extreme gap commitment fulfilled: {string.Join(", ", item.MissingKeyDocuments)}", Now), Retry);
    }

    /// <summary>The supply period ended without the key documents: the acceptance is revoked and the broken commitment recorded.</summary>
    private async Task RevokeUnsuppliedAsync()
    {
        foreach (var item in items.Where(i => i.State == "gap-accepted" && i.SupplyDueAt <= Now).ToList())
        {
            Replace(item.Code, i => i with { State = "revoked", DecidedAt = Now });
            Record($"撤销受理 / acceptance revoked: {item.Code} 未在 {Local(item.SupplyDueAt!.Value):yyyy-MM-dd HH:mm} 前补齐要件 / key documents not supplied in time; 记入信用记录 / recorded in credit");
            Publish();
            await context.CallActivityAsync<bool>(ActivityNames.RecordCredit, new CreditOutcome(plan.Uscc, CreditKinds.Broken, $"{plan.BookingId}/{item.Code}/extreme-gap",
                $"极限容缺受理承诺未履行，撤销受理 / extreme gap commitment broken, acceptance revoked: {string.Join(", ", item.MissingKeyDocuments)} not supplied", Now), Retry);
            await context.CallActivityAsync<bool>(JointAcceptanceActivityNames.NotifyApplicant, new Notification(plan.BookingId, plan.Uscc, "extreme-gap-revoked",
                $"撤销受理 / acceptance of {item.Code} revoked: key documents not supplied by {Local(item.SupplyDueAt.Value):yyyy-MM-dd HH:mm}", $"{plan.BookingId}/{item.Code}/revoked"), Retry);
        }
    }
}
