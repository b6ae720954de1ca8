using Approvals.Activities;
using Approvals.Applications;
using Approvals.LandToStart;
using Microsoft.DurableTask;

namespace Approvals.Orchestrations;

internal sealed partial class LandToStartRun
{
    /// <summary>
    /// The contract day (多证齐发): each document whose simulated opinion rests on an unchanged basis turns formal and
    /// issues now; any other is reviewed again, red at once and escalated to the lead, and issues when its formal opinion passes.
    /// </summary>
    private async Task IssueOnContractDayAsync()
    {
        var again = new List<Task>();
        foreach (var planned in plan.Documents)
        {
            var document = documents.Single(d => d.Key == planned.Document.Key);
            var basis = contract!.Bases.GetValueOrDefault(document.Key, document.Basis);
            if (document.Simulated is { Result: "pass" } simulated && simulated.Basis == basis)
            {
                await IssueAsync(planned.Document, "模拟审批转为正式 / the simulated opinion turns formal");
                continue;
            }
            var because = contract.Changed.GetValueOrDefault(document.Key) ?? [];
            Replace(documents, d => d.Key == document.Key, d => d with { State = "re-review", Basis = basis, Light = "red", ReReviewBecause = because });
            Record($"红灯 / red light: {document.Name} 未能当日发放，重新审查 / not issued on the contract day, reviewed again" +
                (because.Count > 0 ? $": 已变更 / changed {string.Join(", ", because)}" : ""));
            Publish();
            await context.CallActivityAsync<bool>(ActivityNames.Escalate, new Notification(plan.CaseId, plan.Lead.Code, "land-document-not-ready",
                $"合同当日未发 / not issued on the contract day: {document.Name} of {plan.ProjectName} ({plan.CaseId}); reviewed again by {document.Department}",
                $"{plan.CaseId}/{document.Key}/contract-day"), Retry);
            again.Add(ReviewAgainAsync(planned.Document));
        }
        await Task.WhenAll(again);
    }

    /// <summary>A document reviewed again after the contract: formal opinions until one passes, then it issues (late).</summary>
    private async Task ReviewAgainAsync(ContractDocument document)
    {
        while (true)
        {
            var opinion = await context.WaitForExternalEvent<DocumentOpinion>(LandToStartSignals.Formal(document.Key));
            Replace(documents, d => d.Key == document.Key, d => d with { Formal = new LandOpinionView(opinion.Result, opinion.Opinion, opinion.Basis, Now, false) });
            Record($"重新审查 / formal opinion: {document.Name} {(opinion.Result == "pass" ? "通过 / pass" : "不通过 / fail")}: {opinion.Opinion}");
            Publish();
            if (opinion.Result == "pass")
            {
                await IssueAsync(document, "重新审查通过 / passed on review again");
                return;
            }
        }
    }

    private async Task IssueAsync(ContractDocument document, string how)
    {
        var certificate = await context.CallActivityAsync<CertificateView>(ActivityNames.IssueCertificate, new CertificateRequest(plan.CaseId, document.Key,
            $"{document.Name} / {document.NameEn}", plan.Uscc, plan.EnterpriseName ?? plan.Uscc, plan.ProjectCode, plan.ProjectName, Now), Retry);
        Replace(documents, d => d.Key == document.Key, d => d with { State = "issued", Certificate = certificate.Number, IssuedAt = Now, Light = null });
        Record($"发证 / issued: {document.Name} {certificate.Number} ({how})");
        Publish();
    }
}
