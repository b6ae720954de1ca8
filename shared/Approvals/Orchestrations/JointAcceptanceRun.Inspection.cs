using Approvals.Activities;
using Approvals.Applications;
using Approvals.JointAcceptance;

namespace Approvals.Orchestrations;

internal sealed partial class JointAcceptanceRun
{
    /// <summary>Step 2: one joint site inspection (现场联合勘验) that every department attends; each records its findings.</summary>
    private async Task SiteInspectionAsync()
    {
        StartStep(AcceptanceSteps.SiteInspection, 1);
        Publish();
        var missing = plan.Departments.ToList();
        var recorded = plan.Departments.Select(async department =>
        {
            var finding = await context.WaitForExternalEvent<SiteFindings>(Signals.SiteFindings(department));
            missing.Remove(department);
            findings.Add(new FindingView(department, finding.Findings, Now));
            Record($"{department} recorded its site findings: {finding.Findings}");
            Publish();
            return finding;
        }).ToList();
        await AwaitWithLightsAsync(Task.WhenAll(recorded), AcceptanceSteps.SiteInspection,
            light => TurnStepAsync(AcceptanceSteps.SiteInspection, light, $"findings missing from {string.Join(", ", missing)}"));
        CompleteStep(AcceptanceSteps.SiteInspection);
    }

    /// <summary>Step 3: each department's opinion on each pending item, in parallel, each against the step's deadline.</summary>
    private async Task OpinionsAsync(IReadOnlyList<PlannedInspection> pending, int round)
    {
        StartStep(AcceptanceSteps.DepartmentOpinions, round);
        Publish();
        await Task.WhenAll(pending.Select(i => OpinionAsync(i, round)));
        CompleteStep(AcceptanceSteps.DepartmentOpinions);
    }

    /// <summary>One department's opinion on one item: its task's light turns yellow and red on timers; red escalates; the wait goes on.</summary>
    private async Task OpinionAsync(PlannedInspection inspection, int round)
    {
        bool Same(TaskView t) => t.Department == inspection.Department && t.Item == inspection.Item;
        var deadline = deadlines[AcceptanceSteps.DepartmentOpinions];
        Replace(tasks, Same, t => t with { State = "pending", DueAt = deadline.DueAt, Provisional = deadline.Provisional, Light = LightOf(deadline), Round = round });
        Publish();

        var answer = await AwaitWithLightsAsync(
            context.WaitForExternalEvent<DepartmentAcceptanceOpinion>(Signals.AcceptanceOpinion(inspection.Department, inspection.Item)),
            AcceptanceSteps.DepartmentOpinions, light => TurnTaskAsync(inspection, light, round));

        var result = answer.Passed ? "pass" : "fail";
        var view = new DepartmentOpinionView(inspection.Department, inspection.Item, result, answer.Opinion,
            answer.Passed ? [] : answer.Rectifications.Count > 0 ? answer.Rectifications : [answer.Opinion ?? "rectify"], round);
        opinions.RemoveAll(o => o.Department == inspection.Department && o.Item == inspection.Item);
        opinions.Add(view);
        Replace(tasks, Same, t => t with { State = answer.Passed ? "passed" : "failed", Opinion = answer.Opinion });
        if (round > 1)
        {
            var state = answer.Passed ? "passed" : "failed";
            for (var i = 0; i < rectifications.Count; i++)
            {
                var r = rectifications[i];
                if (r.Department == inspection.Department && r.Item == inspection.Item && r.Round == round - 1) rectifications[i] = r with { State = state };
            }
        }
        Record($"{inspection.Department} {inspection.Item}{(round > 1 ? " re-inspected" : "")}: {result}{(answer.Opinion is { Length: > 0 } o ? $" ({o})" : "")}");
        Publish();
    }

    private async Task TurnTaskAsync(PlannedInspection inspection, string light, int round)
    {
        Replace(tasks, t => t.Department == inspection.Department && t.Item == inspection.Item, t => t with { Light = light });
        Replace(steps, s => s.Name == AcceptanceSteps.DepartmentOpinions, s => s with { Light = Worse(s.Light, light) });
        if (light == "red")
        {
            Record($"{inspection.Department} {inspection.Item}: red light, no opinion by its deadline; escalated to the supervisor");
            await context.CallActivityAsync<bool>(ActivityNames.Escalate, new Notification(plan.ApplicationId, "supervisor", "overdue-acceptance-opinion",
                $"{inspection.Department} has not given its opinion on {inspection.Item} of joint acceptance {plan.ApplicationId}, due {Local(deadlines[AcceptanceSteps.DepartmentOpinions].DueAt):yyyy-MM-dd}",
                $"{plan.ApplicationId}/{inspection.Department}/{inspection.Item}/round-{round}/red"), Retry);
        }
        else
        {
            Record($"{inspection.Department} {inspection.Item}: {light} light, close to the opinion deadline");
        }
        Publish();
    }

    /// <summary>Step 4: the one acceptance opinion (验收意见汇总表) merging every department's latest opinion.</summary>
    private void IssueOpinion(string result, int round, string? why)
    {
        var merged = plan.Inspections
            .Select(i => opinions.SingleOrDefault(o => o.Department == i.Department && o.Item == i.Item))
            .OfType<DepartmentOpinionView>()
            .ToList();
        acceptanceOpinion = new AcceptanceOpinionView(Now, round, result, merged, why);
        Record($"acceptance opinion (验收意见汇总表), round {round}: {result}, {merged.Count(o => o.Result == "pass")} of {merged.Count} item(s) passed{(why is null ? "" : $"; {why}")}");
        Publish();
    }
}
