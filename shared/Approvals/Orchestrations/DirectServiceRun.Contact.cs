using Approvals.Activities;
using Approvals.DirectService;
using Microsoft.DurableTask;
using static Approvals.Calendar.ShanghaiTime;

namespace Approvals.Orchestrations;

internal sealed partial class DirectServiceRun
{
    /// <summary>
    /// Waits for the centre's first contact (第一时间联系): yellow, then red at the limit, when the centre's leadership is
    /// told; the wait goes on after red. The contact assigns the team.
    /// </summary>
    private async Task FirstContactAsync()
    {
        var deadline = plan.FirstContact;
        contact = await LitWait.ForAsync(context, context.WaitForExternalEvent<FirstContact>(DirectServiceSignals.Contact), deadline,
            () =>
            {
                contactLight = "yellow";
                Record($"黄灯 / yellow light: 临近首次联系时限 / first contact due {Local(deadline.DueAt):yyyy-MM-dd HH:mm}");
                Publish();
                return Task.CompletedTask;
            },
            () => EscalateContactAsync(deadline));
        team = contact.Team;
        status = "contacted";
        contactLight = null;
        Record($"首次联系 / contacted by {contact.ContactedBy}{(contact.At > deadline.DueAt ? "（逾期 / late）" : "")}; " +
            $"服务队 / team {team.Name}: 班长 / leader {team.Leader}; 代办员 / stewards {string.Join("、", team.Stewards)}; 审批员 / approvers {string.Join("、", team.Approvers)}");
        Publish();
        await context.CallActivityAsync<bool>(JointAcceptanceActivityNames.NotifyApplicant, new Notification(plan.BookingId, plan.Uscc, "direct-service-contacted",
            $"直通车已联系 / the direct train has contacted you about {plan.ProjectName}: {team.Name}, {team.Leader}", $"{plan.BookingId}/contacted"), Retry);
    }

    private async Task EscalateContactAsync(Deadline deadline)
    {
        contactLight = "red";
        escalations.Add("first-contact");
        Record($"红灯 / red light: 逾期未联系 / not contacted by {Local(deadline.DueAt):yyyy-MM-dd HH:mm}; 报 {plan.Centre.Name} / escalated to the {plan.Centre.NameEn}");
        Publish();
        await context.CallActivityAsync<bool>(ActivityNames.Escalate, new Notification(plan.BookingId, plan.Centre.Code, "direct-service-contact-overdue",
            $"逾期 / overdue: booking {plan.BookingId} of {plan.ProjectName} ({plan.KeyLevel.Name}) not contacted by {Local(deadline.DueAt):yyyy-MM-dd HH:mm}",
            $"{plan.BookingId}/contact/red"), Retry);
    }
}
