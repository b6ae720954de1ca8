using Approvals.Activities;
using Approvals.DirectService;
using Microsoft.DurableTask;

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
        var contacted = context.WaitForExternalEvent<FirstContact>(DirectServiceSignals.Contact);
        using var lights = new CancellationTokenSource();
        Task? yellow = contactLight == "green" ? context.CreateTimer(deadline.YellowAt.UtcDateTime, lights.Token) : null;
        Task? red = contactLight != "red" ? context.CreateTimer(deadline.DueAt.UtcDateTime, lights.Token) : null;
        try
        {
            if (red is null) await EscalateContactAsync(deadline);
            while (true)
            {
                var waiting = new List<Task> { contacted };
                if (yellow is not null) waiting.Add(yellow);
                if (red is not null) waiting.Add(red);
                var winner = await Task.WhenAny(waiting);
                if (winner == contacted) break;
                if (winner == yellow)
                {
                    yellow = null;
                    contactLight = "yellow";
                    Record($"黄灯 / yellow light: 临近首次联系时限 / first contact due {Local(deadline.DueAt):yyyy-MM-dd HH:mm}");
                    Publish();
                }
                else
                {
                    red = null;
                    yellow = null;
                    await EscalateContactAsync(deadline);
                }
            }
        }
        finally
        {
            lights.Cancel();
        }

        contact = contacted.Result;
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
