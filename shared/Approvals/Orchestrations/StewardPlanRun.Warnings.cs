using Approvals.Activities;
using Approvals.Calendar;
using Approvals.Stewardship;
using Microsoft.DurableTask;

namespace Approvals.Orchestrations;

internal sealed partial class StewardPlanRun
{
    /// <summary>
    /// Warns every node now due: past the end of its planned day, the steward and the node's owner (with the time the lead
    /// department will be told); still late at that time, the lead department.
    /// </summary>
    private async Task WarnDueNodesAsync()
    {
        foreach (var node in nodes.Where(n => !n.IsDone).ToList())
        {
            var daysLate = Today.DayNumber - node.PlannedOn.DayNumber;
            if (node.State == "planned" && Now >= WorkingDayCalendar.EndOfDay(node.PlannedOn))
            {
                var lead = await context.CallActivityAsync<Deadline>(ActivityNames.ComputeDeadline, new DeadlineRequest(Now, plan.LeadWarningWorkingDays), Retry);
                var to = new[] { $"steward:{plan.Steward}", node.Owner };
                Replace(node.Key, n => n with { State = "warned", LeadWarningAt = lead.DueAt, Warnings = [.. n.Warnings, new NodeWarning("owner", to, Now, daysLate)] });
                Record($"预警 / warning: {node.Name} 未按计划 {node.PlannedOn:yyyy-MM-dd} 完成 / not done by its planned date; 已告知项目管家 {plan.Steward} 和 {node.Owner} / " +
                    $"the steward and the owner are told; 仍未完成将于 {ShanghaiTime.Local(lead.DueAt):yyyy-MM-dd HH:mm} 告知 {plan.LeadDepartment.Code} / the lead department follows then");
                Publish();
                foreach (var recipient in to)
                {
                    await context.CallActivityAsync<bool>(ActivityNames.Escalate, new Notification(PlanId, recipient, "plan-node-late",
                        $"预警 / early warning: {plan.ProjectName} node '{node.Name}' planned {node.PlannedOn:yyyy-MM-dd} is not done", $"{PlanId}/{node.Key}/{node.PlannedOn:yyyyMMdd}/{recipient}"), Retry);
                }
            }
            else if (node.Warnings.Count == 1 && node.LeadWarningAt is { } at && Now >= at)
            {
                var to = new[] { plan.LeadDepartment.Code };
                Replace(node.Key, n => n with { Warnings = [.. n.Warnings, new NodeWarning("lead-department", to, Now, daysLate)] });
                Record($"预警升级 / warning raised: {node.Name} 仍未完成，告知牵头部门 {plan.LeadDepartment.Code} / still late, the lead department is told");
                Publish();
                await context.CallActivityAsync<bool>(ActivityNames.Escalate, new Notification(PlanId, plan.LeadDepartment.Code, "plan-node-late-lead",
                    $"预警 / early warning to the lead department: {plan.ProjectName} node '{node.Name}' ({node.Owner}) planned {node.PlannedOn:yyyy-MM-dd} is {daysLate} days late",
                    $"{PlanId}/{node.Key}/{node.PlannedOn:yyyyMMdd}/lead"), Retry);
            }
        }
    }

    private string PlanId => StewardQueries.InstanceId(plan.ProjectCode);

    /// <summary>A replan: new dates, owners, nodes; the first planned dates and the warnings sent stay. A node moved to a day still ahead is watched afresh.</summary>
    private void Replan(StewardPlan next)
    {
        revision++;
        var changes = new List<string>();
        foreach (var wanted in next.Nodes)
        {
            var index = nodes.FindIndex(n => n.Key == wanted.Key);
            if (index < 0)
            {
                nodes.Add(New(wanted));
                changes.Add($"新增 / added {wanted.Name} ({wanted.PlannedOn:yyyy-MM-dd})");
                continue;
            }
            var current = nodes[index];
            var redated = current.PlannedOn != wanted.PlannedOn && !current.IsDone;
            if (redated) changes.Add($"{current.Name}: {current.PlannedOn:yyyy-MM-dd} → {wanted.PlannedOn:yyyy-MM-dd}（首次计划 / first planned {current.FirstPlannedOn:yyyy-MM-dd}）");
            var ahead = Now < WorkingDayCalendar.EndOfDay(wanted.PlannedOn);
            nodes[index] = current with
            {
                Name = wanted.Name,
                Kind = wanted.Kind,
                Owner = wanted.Owner,
                PlannedOn = current.IsDone ? current.PlannedOn : wanted.PlannedOn,
                State = redated && ahead ? "planned" : current.State,
                LeadWarningAt = redated && ahead ? null : current.LeadWarningAt,
            };
        }
        foreach (var dropped in nodes.Where(n => !n.IsDone && next.Nodes.All(w => w.Key != n.Key)).ToList())
        {
            nodes.Remove(dropped);
            changes.Add($"删除 / dropped {dropped.Name}");
        }
        plan = next with { PlannedAt = plannedAt };
        Record($"重新计划 / replanned (第 {revision} 版 / revision {revision}): {(changes.Count > 0 ? string.Join("; ", changes) : "节点未变 / nodes unchanged")}");
        Publish();
    }

    private void MarkDone(NodeDone done)
    {
        var node = nodes.FirstOrDefault(n => n.Key == done.Key && !n.IsDone);
        if (node is null) return;
        var late = done.DoneOn > node.PlannedOn;
        Replace(node.Key, n => n with { State = "done", DoneOn = done.DoneOn, Late = late, LeadWarningAt = null });
        Record($"节点完成 / node done: {node.Name} on {done.DoneOn:yyyy-MM-dd}{(late ? $"（晚于计划 {node.PlannedOn:yyyy-MM-dd} / later than planned）" : "")}, by {done.By}");
        Publish();
    }

    private void RecordCause(NodeCause cause)
    {
        var node = nodes.FirstOrDefault(n => n.Key == cause.Key && !n.IsDone);
        if (node is null) return;
        Replace(node.Key, n => n with { State = "cause-recorded", Cause = cause.Cause, Action = cause.Action });
        Record($"原因分析 / cause of {node.Name}: {cause.Cause}; 措施 / action: {cause.Action}");
        Publish();
    }
}
