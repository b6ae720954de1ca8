using Approvals.Activities;
using Approvals.Applications;
using Approvals.Calendar;
using Approvals.Stewardship;
using Microsoft.DurableTask;

namespace Approvals.Orchestrations;

/// <summary>
/// The state of one steward plan while it runs, published as the custom status after every change. One loop waits for
/// the next due warning or any event; deterministic: time only from the context, working days only from ComputeDeadline.
/// </summary>
internal sealed partial class StewardPlanRun(TaskOrchestrationContext context, StewardPlan first)
{
    private static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromSeconds(30), 2.0, TimeSpan.FromMinutes(30)));

    private readonly DateTimeOffset plannedAt = first.PlannedAt;
    private StewardPlan plan = first;
    private int revision = 1;
    private readonly List<PlanNodeStatus> nodes = first.Nodes.Select(New).ToList();
    private readonly List<StewardRating> ratings = [];
    private readonly List<TimelineEntry> timeline = [];

    private DateTimeOffset Now => new(context.CurrentUtcDateTime, TimeSpan.Zero);

    private DateOnly Today => WorkingDayCalendar.ShanghaiDate(Now);

    public async Task<StewardPlanView> ExecuteAsync()
    {
        Record($"建立服务计划 / plan set: 项目管家 / steward {plan.Steward}; {nodes.Count} 个节点 / nodes; 牵头部门 / lead {plan.LeadDepartment.Code}");
        Publish();
        var replan = context.WaitForExternalEvent<StewardPlan>(StewardSignals.Replan);
        var done = context.WaitForExternalEvent<NodeDone>(StewardSignals.Done);
        var cause = context.WaitForExternalEvent<NodeCause>(StewardSignals.Cause);
        var rating = context.WaitForExternalEvent<StewardRating>(StewardSignals.Rating);
        // A plan waits as long as the project runs: a replan may add nodes after every node is done.
        while (true)
        {
            await WarnDueNodesAsync();
            using var cancel = new CancellationTokenSource();
            var waiting = new List<Task> { replan, done, cause, rating };
            var next = NextWarningAt();
            Task? timer = next is { } at ? context.CreateTimer(at.UtcDateTime, cancel.Token) : null;
            if (timer is not null) waiting.Add(timer);
            var winner = await Task.WhenAny(waiting);
            cancel.Cancel();
            if (winner == replan)
            {
                Replan(replan.Result);
                replan = context.WaitForExternalEvent<StewardPlan>(StewardSignals.Replan);
            }
            else if (winner == done)
            {
                MarkDone(done.Result);
                done = context.WaitForExternalEvent<NodeDone>(StewardSignals.Done);
            }
            else if (winner == cause)
            {
                RecordCause(cause.Result);
                cause = context.WaitForExternalEvent<NodeCause>(StewardSignals.Cause);
            }
            else if (winner == rating)
            {
                ratings.Add(rating.Result);
                Record($"评价 / the applicant rated the steward {rating.Result.Score}/5{(rating.Result.Comment is { Length: > 0 } c ? $": {c}" : "")}");
                Publish();
                rating = context.WaitForExternalEvent<StewardRating>(StewardSignals.Rating);
            }
        }
    }

    private static PlanNodeStatus New(PlannedNode n) => new()
    {
        Key = n.Key, Name = n.Name, Kind = n.Kind, Owner = n.Owner, PlannedOn = n.PlannedOn, FirstPlannedOn = n.PlannedOn, State = "planned",
    };

    /// <summary>When the next warning falls due: the end of a planned node's day, or a warned node's lead-department time.</summary>
    private DateTimeOffset? NextWarningAt() => nodes.Where(n => !n.IsDone)
        .Select(n => n.State == "planned" ? WorkingDayCalendar.EndOfDay(n.PlannedOn) : n.Warnings.Count == 1 ? n.LeadWarningAt : null)
        .Where(at => at is not null).Min();

    private void Replace(string key, Func<PlanNodeStatus, PlanNodeStatus> change)
    {
        var index = nodes.FindIndex(n => n.Key == key);
        nodes[index] = change(nodes[index]);
    }

    private void Record(string text) => timeline.Add(new TimelineEntry(Now, text));

    private StewardPlanView Publish()
    {
        var view = new StewardPlanView
        {
            ProjectCode = plan.ProjectCode,
            Uscc = plan.Uscc,
            ProjectName = plan.ProjectName,
            Steward = plan.Steward,
            StewardPhone = plan.StewardPhone,
            LeadDepartment = plan.LeadDepartment,
            Status = nodes.All(n => n.IsDone) ? "all-done" : "active",
            PlannedAt = plannedAt,
            Revision = revision,
            Nodes = nodes.ToList(),
            Ratings = ratings.ToList(),
            Timeline = timeline.ToList(),
        };
        PublishedStatus.Set(context, view);
        return view;
    }
}
