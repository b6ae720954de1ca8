using Approvals.Activities;
using Approvals.Applications;
using Approvals.BusinessOpenings;
using Microsoft.DurableTask;

namespace Approvals.Orchestrations;

/// <summary>
/// The state of one business opening while its orchestration runs, published as the custom status after every change.
/// Deterministic: time only from the context, working days only from the ComputeDeadline activity, the USCC derived
/// from the application number.
/// </summary>
internal sealed partial class BusinessOpeningRun(TaskOrchestrationContext context, BusinessOpeningPlan plan)
{
    private static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromSeconds(30), 2.0, TimeSpan.FromMinutes(30)));

    private readonly List<InstantItemView> items = plan.Items.Select(i => new InstantItemView
    {
        Code = i.Code,
        Name = i.Name,
        Permit = i.Permit,
        Route = i.Route,
        Department = i.Department,
        DepartmentName = i.DepartmentName,
        PostCheckKind = i.PostCheckKind,
        Commitment = i.Commitment,
        PostCheckWorkingDays = i.PostCheckWorkingDays,
    }).ToList();

    private readonly List<TimelineEntry> timeline = [];
    private string status = "submitted";
    private string? uscc;
    private DateTimeOffset? issuedAt;
    private CertificateView? licence;
    private DateTimeOffset? closedAt;

    private DateTimeOffset Now => new(context.CurrentUtcDateTime, TimeSpan.Zero);

    public async Task<BusinessOpeningStatusView> ExecuteAsync()
    {
        Record($"受理 / submitted: {plan.CompanyName}; 即办事项 / instant items {string.Join(", ", plan.Items.Select(i => i.Code))}");
        Publish();
        await IssueTogetherAsync();
        await Task.WhenAll(plan.Items.Select(PostCheckAsync));
        status = items.Any(i => i.PostCheckStatus == "broken") ? "permit-revoked" : "verified";
        closedAt = Now;
        Record(status == "verified"
            ? "事后核查全部通过 / every post-check verified"
            : $"已撤销许可 / permit(s) revoked: {string.Join(", ", items.Where(i => i.PostCheckStatus == "broken").Select(i => i.Code))}; 营业执照仍有效 / the licence stays valid");
        return Publish();
    }

    /// <summary>
    /// 证照同发: one instant for the licence and every permit. The USCC is generated with the licence, the licence issues
    /// first (no permit without its licence), then every permit or filing under the new code, all dated that instant.
    /// </summary>
    private async Task IssueTogetherAsync()
    {
        var at = Now;
        uscc = NewCompanyUscc.For(plan.CaseId, plan.Uscc);
        licence = await context.CallActivityAsync<CertificateView>(ActivityNames.IssueCertificate,
            Certificate(plan.Licence.Code, plan.Licence.Name, at), Retry);
        var permits = await Task.WhenAll(plan.Items.Select(i => context.CallActivityAsync<CertificateView>(ActivityNames.IssueCertificate,
            Certificate(i.Code, i.Permit, at), Retry)));
        issuedAt = at;
        foreach (var (item, permit) in plan.Items.Zip(permits))
        {
            Update(item.Code, v => v with { Certificate = permit, IssuedAt = at });
        }
        status = "post-check-due";
        Record($"证照同发 / licence and permits issued together: 统一社会信用代码 / USCC {uscc}; 营业执照 / licence {licence.Number}; " +
            string.Join("; ", plan.Items.Zip(permits).Select(p => $"{(p.First.Route == InstantRoutes.Filing ? "备案 / filing" : "许可 / permit")} {p.Second.Number} ({p.First.Code})")));
        Publish();
        await context.CallActivityAsync<bool>(JointAcceptanceActivityNames.NotifyApplicant, new Notification(plan.CaseId, plan.Founder, "business-opened",
            $"{plan.CompanyName} 已领取营业执照 {licence.Number} 及 {permits.Length} 项许可/备案，可当日开业 / licence and {permits.Length} permit(s) issued: open today",
            $"{plan.CaseId}/issued"), Retry);
    }

    private CertificateRequest Certificate(string item, string name, DateTimeOffset at) =>
        new(plan.CaseId, item, name, uscc!, plan.CompanyName, plan.CaseId, $"{plan.CompanyName}（开户即开业 / business opening）", at);

    private void Update(string code, Func<InstantItemView, InstantItemView> change)
    {
        var index = items.FindIndex(i => i.Code == code);
        items[index] = change(items[index]);
    }

    private static DateTimeOffset Local(DateTimeOffset instant) => instant.ToOffset(TimeSpan.FromHours(8));

    private void Record(string text) => timeline.Add(new TimelineEntry(Now, text));

    private static int Rank(string? light) => light switch { "red" => 0, "yellow" => 1, "green" => 2, _ => 3 };

    private BusinessOpeningStatusView Publish()
    {
        var view = new BusinessOpeningStatusView
        {
            CaseId = plan.CaseId,
            Founder = plan.Founder,
            FounderName = plan.FounderName,
            CompanyName = plan.CompanyName,
            BusinessScope = plan.BusinessScope,
            Status = status,
            Uscc = uscc,
            SubmittedAt = plan.SubmittedAt,
            IssuedAt = issuedAt,
            LicenceDepartment = plan.Licence.Department,
            Licence = licence,
            Items = items.ToList(),
            Light = items.Where(i => i.PostCheckStatus == "due" && i.Light is not null).Select(i => i.Light).OrderBy(Rank).FirstOrDefault(),
            ClosedAt = closedAt,
            Timeline = timeline.ToList(),
        };
        PublishedStatus.Set(context, view);
        return view;
    }
}
