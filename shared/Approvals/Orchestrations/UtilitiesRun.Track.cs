using Approvals.Activities;
using Approvals.Utilities;
using Microsoft.DurableTask;
using static Approvals.Calendar.ShanghaiTime;

namespace Approvals.Orchestrations;

internal sealed partial class UtilitiesRun
{
    /// <summary>
    /// One step of one utility against its published limit: the deadline from now in working days, yellow then red, red
    /// escalating to the utility and the lead unit once; the wait goes on after red, and the other utilities never wait
    /// for this one.
    /// </summary>
    private async Task StepAsync(Track track, string step, int workingDays)
    {
        var deadline = await context.CallActivityAsync<Deadline>(ActivityNames.ComputeDeadline, new DeadlineRequest(Now, workingDays), Retry);
        track.Await(step, deadline, Now);
        Publish();

        var given = await LitWait.ForAsync(context, context.WaitForExternalEvent<UtilityAnswer>(UtilitySignals.Answer(track.Plan.Utility, step)), deadline,
            () =>
            {
                track.Light = "yellow";
                Record($"黄灯 / yellow light: {track.Plan.Utility} {step} 临近时限 / close to the limit {Local(deadline.DueAt):yyyy-MM-dd HH:mm}");
                Publish();
                return Task.CompletedTask;
            },
            () => EscalateAsync(track, step, deadline));
        var late = given.At > deadline.DueAt;
        track.Done(step, Now, late, given.Fee);
        foreach (var person in given.Attendees ?? []) if (!attendees.Contains(person)) attendees.Add(person);
        Record(step switch
        {
            UtilitySignals.Surveyed => $"踏勘 / surveyed by {track.Plan.Utility}" + (given.Attendees is { Count: > 0 } a ? $" ({string.Join("、", a)})" : ""),
            UtilitySignals.Complete => $"申请完整 / application complete at {track.Plan.Utility}, 收费 / fee {given.Fee ?? 0} (标准 / standard {track.Plan.FeeStandard})",
            _ => $"接入 / connected by {track.Plan.Utility}",
        } + (late ? "（逾期 / late）" : "") + (given.Note is { Length: > 0 } n ? $": {n}" : ""));
        Publish();
    }

    /// <summary>Red: the utility is told and the lead unit (城市管理局) takes it up.</summary>
    private async Task EscalateAsync(Track track, string step, Deadline deadline)
    {
        track.Light = "red";
        track.Escalations.Add(step);
        Record($"红灯 / red light: {track.Plan.Utility} {step} 逾期 / past its limit {Local(deadline.DueAt):yyyy-MM-dd HH:mm}; 报 {plan.Lead.Name} / escalated to the {plan.Lead.NameEn}");
        Publish();
        await context.CallActivityAsync<bool>(ActivityNames.Escalate, new Notification(plan.CaseId, plan.Lead.Code, "utility-overdue",
            $"逾期 / overdue: {track.Plan.Name} has not recorded '{step}' for {plan.CaseId} ({plan.ProjectName}), limit {Local(deadline.DueAt):yyyy-MM-dd HH:mm}",
            $"{plan.CaseId}/{track.Plan.Utility}/{step}/red"), Retry);
    }

    /// <summary>One utility's progress, turned into its view at every publish.</summary>
    private sealed class Track(UtilityTrackPlan plan)
    {
        public UtilityTrackPlan Plan { get; } = plan;
        public DateTimeOffset ForwardedAt { get; set; }
        public string Step { get; private set; } = "forwarded";
        public string? Awaiting { get; private set; }
        public Deadline? Due { get; private set; }
        public string? Light { get; set; }
        public DateTimeOffset? SurveyedAt { get; private set; }
        public DateTimeOffset? CompleteAt { get; private set; }
        public DateTimeOffset? ConnectedAt { get; private set; }
        public decimal? Fee { get; private set; }
        public List<string> LateSteps { get; } = [];
        public List<string> Escalations { get; } = [];

        public void Await(string step, Deadline deadline, DateTimeOffset now)
        {
            Awaiting = step;
            Due = deadline;
            Light = LitWait.LightAt(now, deadline);
        }

        public void Done(string step, DateTimeOffset at, bool late, decimal? fee)
        {
            Step = step;
            Awaiting = null;
            Due = null;
            Light = null;
            if (late) LateSteps.Add(step);
            switch (step)
            {
                case UtilitySignals.Surveyed: SurveyedAt = at; break;
                case UtilitySignals.Complete: CompleteAt = at; Fee = fee ?? 0; break;
                default: ConnectedAt = at; break;
            }
        }

        public UtilityTrackView View() => new()
        {
            Utility = Plan.Utility,
            Name = Plan.Name,
            NameEn = Plan.NameEn,
            Matters = Plan.Matters,
            Quantity = Plan.Quantity,
            QuantityUnit = Plan.QuantityUnit,
            Step = Step,
            ForwardedAt = ForwardedAt,
            Awaiting = Awaiting,
            DueAt = Due?.DueAt,
            Provisional = Due?.Provisional ?? false,
            Light = Light,
            SurveyedAt = SurveyedAt,
            CompleteAt = CompleteAt,
            ConnectedAt = ConnectedAt,
            FeeStandard = Plan.FeeStandard,
            Fee = Fee,
            LateSteps = LateSteps.ToList(),
            Escalations = Escalations.ToList(),
        };
    }
}
