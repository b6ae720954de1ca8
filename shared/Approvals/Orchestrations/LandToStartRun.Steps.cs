using Approvals.Activities;
using Approvals.LandToStart;
using Microsoft.DurableTask;
using static Approvals.Calendar.ShanghaiTime;

namespace Approvals.Orchestrations;

internal sealed partial class LandToStartRun
{
    /// <summary>A pre-land step: opens once the steps before it are done, then waits for its department against its limit.</summary>
    private async Task RunStepAsync(PreLandStep step, IReadOnlyList<Task> before)
    {
        await Task.WhenAll(before);
        if (steps.Single(s => s.Key == step.Key).State == "skipped")
        {
            Record($"跳过 / skipped: {step.Name} ({step.NameEn})");
            Publish();
            return;
        }
        var deadline = await context.CallActivityAsync<Deadline>(ActivityNames.ComputeDeadline, new DeadlineRequest(Now, step.WorkingDays), Retry);
        Replace(steps, s => s.Key == step.Key, s => s with { State = "open", OpenedAt = Now, DueAt = deadline.DueAt, Light = LitWait.LightAt(Now, deadline) });
        Record($"开始 / opened: {step.Name}, {step.Department}, 时限 / due {Local(deadline.DueAt):yyyy-MM-dd HH:mm}");
        Publish();

        var doneStep = await LitWait.ForAsync(context, context.WaitForExternalEvent<StepDone>(LandToStartSignals.Step(step.Key)), deadline,
            () =>
            {
                Replace(steps, s => s.Key == step.Key, s => s with { Light = "yellow" });
                Publish();
                return Task.CompletedTask;
            },
            async () =>
            {
                Replace(steps, s => s.Key == step.Key, s => s with { Light = "red" });
                Record($"红灯 / red light: {step.Name} 逾期 / overdue; 报 {plan.Lead.Name} / escalated to the {plan.Lead.NameEn}");
                Publish();
                await context.CallActivityAsync<bool>(ActivityNames.Escalate, new Notification(plan.CaseId, plan.Lead.Code, "land-step-overdue",
                    $"逾期 / overdue: {step.Name} of {plan.ProjectName} ({plan.CaseId}), due {Local(deadline.DueAt):yyyy-MM-dd HH:mm}", $"{plan.CaseId}/{step.Key}/red"), Retry);
            });
        var late = doneStep.At > deadline.DueAt;
        Replace(steps, s => s.Key == step.Key, s => s with { State = "done", DoneAt = Now, Light = null, Late = late, Note = doneStep.Note });
        Record($"完成 / done: {step.Name}{(late ? "（逾期 / late）" : "")}");
        Publish();
    }

    /// <summary>
    /// 模拟审批: the document's department gives simulated opinions until one passes. A simulated opinion is an opinion
    /// marked 模拟, never a certificate.
    /// </summary>
    private async Task SimulateAsync(ContractDocument document)
    {
        while (true)
        {
            var opinion = await context.WaitForExternalEvent<DocumentOpinion>(LandToStartSignals.Simulated(document.Key));
            var passed = opinion.Result == "pass";
            Replace(documents, d => d.Key == document.Key, d => d with
            {
                State = passed ? "simulated" : "simulated-fail",
                Simulated = new LandOpinionView(opinion.Result, opinion.Opinion, opinion.Basis, Now, true),
            });
            Record($"模拟审批 / simulated opinion (模拟): {document.Name} {(passed ? "通过 / pass" : "不通过 / fail")}: {opinion.Opinion}");
            Publish();
            if (passed) return;
        }
    }
}
