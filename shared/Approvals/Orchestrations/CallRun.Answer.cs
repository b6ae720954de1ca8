using Approvals.Activities;
using Approvals.Calls;
using Microsoft.DurableTask;

namespace Approvals.Orchestrations;

internal sealed partial class CallRun
{
    /// <summary>
    /// Waits for the unit's answer to one slip: the light turns yellow, then red at the deadline, when the call goes to the
    /// platform office and the enterprise gets an explanation; the wait goes on after red (the unit still answers).
    /// </summary>
    private async Task AnswerAsync(AssignmentSlip slip)
    {
        var deadline = new Deadline(slip.DueAt, slip.YellowAt, slip.Provisional);
        var given = await LitWait.ForAsync(context, context.WaitForExternalEvent<CallAnswer>(CallSignals.Answer(slip.Round)), deadline,
            () =>
            {
                light = "yellow";
                Record($"黄灯 / yellow light: {slip.Unit} 临近时限 / close to the deadline {Local(slip.DueAt):yyyy-MM-dd HH:mm}");
                Publish();
                return Task.CompletedTask;
            },
            () => EscalateAsync(slip));
        var late = given.At > slip.DueAt;
        answers.Add(new CallAnswerView(slip.Round, slip.Unit, given.Outcome, given.Text, given.AnsweredBy, Now, late));
        status = "answered";
        light = null;
        var period = await context.CallActivityAsync<Deadline>(ActivityNames.ComputeDeadline, new DeadlineRequest(Now, plan.RatingWorkingDays), Retry);
        rateBy = period.DueAt;
        Record($"答复 / answered by {slip.Unit}: {(given.Outcome == "solved" ? "已解决 / solved" : "已解释说明 / explained")}{(late ? "（逾期 / late）" : "")}; " +
            $"请于 {Local(period.DueAt):yyyy-MM-dd HH:mm} 前评价 / rate it by then");
        Publish();
        await context.CallActivityAsync<bool>(JointAcceptanceActivityNames.NotifyApplicant, new Notification(plan.CallId, plan.Uscc, "call-answered",
            $"您的问题已答复 / your call {plan.CallId} has an answer from {slip.UnitName}: {given.Text}", $"{plan.CallId}/answer/round-{slip.Round}"), Retry);
    }

    /// <summary>Overdue (red): to the platform office, and an explanation to the enterprise (Jining 2020 三(四)2).</summary>
    private async Task EscalateAsync(AssignmentSlip slip)
    {
        var office = plan.PlatformOffice;
        light = "red";
        status = "escalated";
        var explanation = $"您反映的问题未能在 {Local(slip.DueAt):yyyy-MM-dd HH:mm} 前办结，已报{office.Name}督办，{slip.UnitName}将继续办理并答复。 / " +
            $"Your call could not be settled by {Local(slip.DueAt):yyyy-MM-dd HH:mm}; it has gone to the {office.NameEn}, and {slip.Unit} will still answer it.";
        escalations.Add(new EscalationView(Now, office.Code, office.Name, "逾期未答复 / not answered by the deadline", slip.Round));
        explanations.Add(new ExplanationView(Now, explanation, slip.Round));
        Record($"红灯 / red light: {slip.Unit} 逾期 / overdue; 报 {office.Name} / escalated to the {office.NameEn}; 已向企业解释说明 / explained to the enterprise");
        Publish();
        await context.CallActivityAsync<bool>(ActivityNames.Escalate, new Notification(plan.CallId, office.Code, "call-overdue",
            $"逾期 / overdue call {plan.CallId} r{slip.Round}: {slip.Unit} has not answered '{plan.Title}', due {Local(slip.DueAt):yyyy-MM-dd HH:mm}",
            $"{plan.CallId}/{slip.Unit}/round-{slip.Round}/red"), Retry);
        await context.CallActivityAsync<bool>(JointAcceptanceActivityNames.NotifyApplicant, new Notification(plan.CallId, plan.Uscc, "call-explanation",
            explanation, $"{plan.CallId}/explanation/round-{slip.Round}"), Retry);
    }

    /// <summary>The enterprise's rating of the answer, or null when the rating period ends first.</summary>
    private async Task<CallRating?> RatingAsync(int round)
    {
        using var cancel = new CancellationTokenSource();
        var rating = context.WaitForExternalEvent<CallRating>(CallSignals.Rating(round), cancel.Token);
        var expiry = context.CreateTimer(rateBy!.Value.UtcDateTime, cancel.Token);
        var winner = await Task.WhenAny(rating, expiry);
        cancel.Cancel();
        return winner == rating ? rating.Result : null;
    }
}
