using Approvals.Applications;
using Approvals.Calendar;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Approvals.Stewardship;

/// <summary>
/// What the steward, the node owners and the applicant do to a project's plan. The first plan starts the project's
/// orchestration (one per project); a later one replans it. Each command checks the published plan first.
/// </summary>
public sealed class StewardCommands(DurableTaskClient client, StewardQueries queries, TimeProvider timeProvider)
{
    public const string OrchestratorName = "ProjectStewardPlan";
    public const int MaxTextLength = 1000;

    /// <summary>Starts or replans; 409 when the replan would drop or redate a node already done.</summary>
    public async Task<(CommandResult Result, bool Started)> PutAsync(StewardPlan plan, CancellationToken cancellationToken = default)
    {
        var current = await queries.ForProjectAsync(plan.ProjectCode, cancellationToken);
        if (current is null)
        {
            await client.ScheduleNewOrchestrationInstanceAsync(OrchestratorName, plan, new StartOrchestrationOptions { InstanceId = StewardQueries.InstanceId(plan.ProjectCode) }, cancellationToken);
            return (CommandResult.Accepted("计划已建立 / the plan is set"), true);
        }
        var problems = new List<string>();
        foreach (var done in current.Nodes.Where(n => n.IsDone))
        {
            var again = plan.Nodes.FirstOrDefault(n => n.Key == done.Key);
            if (again is null) problems.Add($"节点 {done.Key} 已完成，不能删除 / node {done.Key} is done: it cannot be dropped");
            else if (again.PlannedOn != done.PlannedOn) problems.Add($"节点 {done.Key} 已完成，不能改期 / node {done.Key} is done: its date cannot change");
        }
        if (!string.Equals(current.Uscc, plan.Uscc, StringComparison.OrdinalIgnoreCase)) problems.Add($"项目单位为 {current.Uscc} / the project's owner is {current.Uscc}");
        if (problems.Count > 0) return (new(CommandOutcome.Conflict, string.Join("; ", problems)), false);
        await client.RaiseEventAsync(StewardQueries.InstanceId(plan.ProjectCode), StewardSignals.Replan, plan, cancellation: cancellationToken);
        return (CommandResult.Accepted("已重新计划，首次计划日期保留 / replanned; the first planned dates are kept"), false);
    }

    /// <summary>A node done: by a supervisor (the steward) or the node's owner; not in the future.</summary>
    public async Task<CommandResult> DoneAsync(string projectCode, string key, DateOnly doneOn, string by, bool supervisor, string? department, CancellationToken cancellationToken = default)
    {
        var (plan, node, missing) = await NodeAsync(projectCode, key, cancellationToken);
        if (missing is not null) return missing;
        if (!supervisor && !string.Equals(node!.Owner, department, StringComparison.OrdinalIgnoreCase)) return new(CommandOutcome.Forbidden, $"节点 {key} 由 {node.Owner} 负责 / node {key} is {node.Owner}'s");
        if (node!.IsDone) return new(CommandOutcome.Conflict, $"节点 {key} 已于 {node.DoneOn:yyyy-MM-dd} 完成 / node {key} was done on {node.DoneOn:yyyy-MM-dd}");
        var today = WorkingDayCalendar.ShanghaiDate(timeProvider.GetUtcNow());
        if (doneOn > today) return new(CommandOutcome.Invalid, $"完成日期不能晚于今天 {today:yyyy-MM-dd} / doneOn cannot be after today");
        if (doneOn < WorkingDayCalendar.ShanghaiDate(plan!.PlannedAt)) return new(CommandOutcome.Invalid, "完成日期不能早于计划建立 / doneOn cannot be before the plan was set");
        await client.RaiseEventAsync(StewardQueries.InstanceId(projectCode), StewardSignals.Done, new NodeDone(node.Key, doneOn, by, timeProvider.GetUtcNow()), cancellation: cancellationToken);
        return CommandResult.Accepted($"{key} done");
    }

    /// <summary>The steward records the cause of a warned node and the action pushed.</summary>
    public async Task<CommandResult> CauseAsync(string projectCode, string key, string cause, string action, CancellationToken cancellationToken = default)
    {
        var (_, node, missing) = await NodeAsync(projectCode, key, cancellationToken);
        if (missing is not null) return missing;
        if (node!.Warnings.Count == 0 || node.IsDone) return new(CommandOutcome.Conflict, $"节点 {key} 未预警 / node {key} has no open warning");
        await client.RaiseEventAsync(StewardQueries.InstanceId(projectCode), StewardSignals.Cause, new NodeCause(node.Key, cause.Trim(), action.Trim(), timeProvider.GetUtcNow()), cancellation: cancellationToken);
        return CommandResult.Accepted($"{key}: cause and action recorded");
    }

    /// <summary>The project owner rates the steward's help, 1 to 5.</summary>
    public async Task<CommandResult> RateAsync(string projectCode, string uscc, int score, string? comment, CancellationToken cancellationToken = default)
    {
        var plan = await queries.ForProjectAsync(projectCode, cancellationToken);
        if (plan is null || !string.Equals(plan.Uscc, uscc, StringComparison.OrdinalIgnoreCase)) return NotFound(projectCode);
        await client.RaiseEventAsync(StewardQueries.InstanceId(projectCode), StewardSignals.Rating, new StewardRating(score, comment?.Trim(), timeProvider.GetUtcNow()), cancellation: cancellationToken);
        return CommandResult.Accepted("评价已记录 / rating recorded");
    }

    private async Task<(StewardPlanView? Plan, PlanNodeStatus? Node, CommandResult? Missing)> NodeAsync(string projectCode, string key, CancellationToken cancellationToken)
    {
        var plan = await queries.ForProjectAsync(projectCode, cancellationToken);
        if (plan is null) return (null, null, NotFound(projectCode));
        var node = plan.Nodes.FirstOrDefault(n => n.Key == key);
        return node is null ? (plan, null, new(CommandOutcome.NotFound, $"计划中没有节点 {key} / the plan has no node {key}")) : (plan, node, null);
    }

    private static CommandResult NotFound(string projectCode) => new(CommandOutcome.NotFound, $"项目 {projectCode} 没有服务计划 / project {projectCode} has no steward plan");
}
