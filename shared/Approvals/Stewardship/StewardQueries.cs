using Approvals.Applications;
using Approvals.Calendar;
using Microsoft.DurableTask.Client;

namespace Approvals.Stewardship;

/// <summary>Read-side views over the steward plans: one project's plan, and the supervisor's warnings sorted by lateness.</summary>
public sealed class StewardQueries(DurableTaskClient client, TimeProvider timeProvider)
{
    /// <summary>Instance ids of steward plans: this and the project code, one plan per project.</summary>
    public const string IdPrefix = "PLAN-";

    public static string InstanceId(string projectCode) => IdPrefix + projectCode.ToUpperInvariant();

    public async Task<StewardPlanView?> ForProjectAsync(string projectCode, CancellationToken cancellationToken = default)
    {
        var instance = await client.GetInstanceAsync(InstanceId(projectCode), getInputsAndOutputs: true, cancellationToken);
        return instance?.ReadCustomStatusAs<StewardPlanView>();
    }

    /// <summary>Every node still late and warned, across projects, the latest first.</summary>
    public async Task<IReadOnlyList<OpenWarning>> WarningsAsync(CancellationToken cancellationToken = default)
    {
        var today = WorkingDayCalendar.ShanghaiDate(timeProvider.GetUtcNow());
        var open = new List<OpenWarning>();
        await foreach (var instance in client.InstancesWithPrefixAsync(IdPrefix, cancellationToken))
        {
            if (instance.ReadCustomStatusAs<StewardPlanView>() is not { } plan) continue;
            foreach (var node in plan.Nodes.Where(n => !n.IsDone && n.Warnings.Count > 0))
            {
                open.Add(new OpenWarning(plan.ProjectCode, plan.ProjectName, plan.Steward, node, node.Warnings[^1], today.DayNumber - node.PlannedOn.DayNumber));
            }
        }
        return open.OrderByDescending(w => w.DaysLate).ThenBy(w => w.ProjectCode, StringComparer.Ordinal).ThenBy(w => w.Node.Key, StringComparer.Ordinal).ToList();
    }
}

/// <summary>A late node on the supervisor's list: its project, steward, the latest warning and how many days late it is today.</summary>
public sealed record OpenWarning(string ProjectCode, string ProjectName, string Steward, PlanNodeStatus Node, NodeWarning Latest, int DaysLate);
