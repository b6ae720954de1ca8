using Approvals.Activities;
using Approvals.Applications;

namespace Approvals.Orchestrations;

internal sealed partial class ApprovalRun
{
    /// <summary>
    /// Parallel review rounds. Returns the approved items, or null when the application ended (rejected, or
    /// withdrawn because the one-time notice went unanswered).
    /// </summary>
    private async Task<IReadOnlyList<(string Item, string Name)>?> ReviewAsync()
    {
        var pending = plan.Tasks.ToList();
        var round = 1;
        while (pending.Count > 0)
        {
            await Task.WhenAll(pending.GroupBy(t => t.Department).Select(g => context.CallActivityAsync<bool>(
                ActivityNames.SendReviewRequest,
                new Notification(plan.ApplicationId, g.Key, "review-request",
                    $"请审查 / please review: {string.Join(", ", g.Select(t => t.Item))} (due {g.Min(t => t.DueAt):yyyy-MM-dd})",
                    $"{plan.ApplicationId}/{g.Key}/round-{round}"),
                Retry)));
            var decisions = await Task.WhenAll(pending.Select(t => ReviewTaskAsync(t, round)));

            var rejected = decisions.Where(d => d.Decision == "reject").ToList();
            if (rejected.Count > 0)
            {
                status = "rejected";
                Record($"rejected: {string.Join("; ", rejected.Select(r => $"{r.Department} {r.Item}: {r.Opinion}"))}");
                return null;
            }
            var corrections = decisions.Where(d => d.Decision == "corrections").ToList();
            if (corrections.Count == 0) break;

            var resubmitted = await OneTimeNoticeAsync(corrections);
            if (!resubmitted) return null;

            // Only the departments that asked for corrections review again, with the time they had left.
            var pauseFrom = pauses[^1].From;
            var earlierStops = pauses.Take(pauses.Count - 1).ToList();
            var again = new List<PlannedTask>();
            foreach (var c in corrections)
            {
                var task = pending.Single(t => t.Department == c.Department && t.Item == c.Item);
                var basis = new DeadlineRequest(Now, task.TimeLimitWorkingDays) { UsedFrom = plan.AcceptedAt, UsedTo = pauseFrom, StoppedBetween = earlierStops };
                var remaining = await context.CallActivityAsync<Deadline>(ActivityNames.ComputeDeadline, basis, Retry);
                again.Add(task with { DueAt = remaining.DueAt, YellowAt = remaining.YellowAt, Provisional = remaining.Provisional, Basis = basis });
            }
            pending = again;
            round++;
        }

        return plan.UnattendedItems.Select(i => (i.Item, i.Name))
            .Concat(plan.Tasks.Select(t => (t.Item, t.ItemName)))
            .ToList();
    }

    /// <summary>
    /// One department's review of one item: lights turn yellow and red on durable timers; red escalates; the wait goes
    /// on after red. A provisional deadline is computed again when the missing year's holiday schedule is loaded
    /// (signal <see cref="Signals.CalendarUpdated"/>), and the light timers move with it.
    /// </summary>
    private async Task<DepartmentDecision> ReviewTaskAsync(PlannedTask task, int round)
    {
        bool Same(TaskView v) => v.Department == task.Department && v.Item == task.Item;
        string LightAt(PlannedTask t) => Now >= t.DueAt ? "red" : Now >= t.YellowAt ? "yellow" : "green";
        var current = task;
        var initialLight = LightAt(current);
        var view = new TaskView(task.Department, task.Item, "pending", task.DueAt, initialLight, null, task.Provisional, round);
        if (tasks.Exists(Same)) Replace(tasks, Same, _ => view);
        else tasks.Add(view);
        Publish();

        var lights = new CancellationTokenSource();
        using var calendarWait = new CancellationTokenSource();
        Task<bool>? CalendarSignal(PlannedTask t) => t.Provisional && t.Basis is not null
            ? context.WaitForExternalEvent<bool>(Signals.CalendarUpdated(t.Department, t.Item), calendarWait.Token)
            : null;
        var decision = FirstDecisionAsync(task, round);
        Task? yellow = initialLight == "green" ? context.CreateTimer(current.YellowAt.UtcDateTime, lights.Token) : null;
        Task? red = initialLight != "red" ? context.CreateTimer(current.DueAt.UtcDateTime, lights.Token) : null;
        var recompute = CalendarSignal(current);
        try
        {
            while (true)
            {
                var waiting = new List<Task> { decision };
                if (yellow is not null) waiting.Add(yellow);
                if (red is not null) waiting.Add(red);
                if (recompute is not null) waiting.Add(recompute);
                var winner = await Task.WhenAny(waiting);
                if (winner == decision) break;
                if (winner == recompute)
                {
                    var before = current.DueAt;
                    var again = await context.CallActivityAsync<Deadline>(ActivityNames.ComputeDeadline, current.Basis!, Retry);
                    current = current with { DueAt = again.DueAt, YellowAt = again.YellowAt, Provisional = again.Provisional };
                    lights.Cancel();
                    lights.Dispose();
                    lights = new CancellationTokenSource();
                    var light = LightAt(current);
                    yellow = light == "green" ? context.CreateTimer(current.YellowAt.UtcDateTime, lights.Token) : null;
                    red = light != "red" ? context.CreateTimer(current.DueAt.UtcDateTime, lights.Token) : null;
                    recompute = CalendarSignal(current);
                    Replace(tasks, Same, v => v with { DueAt = current.DueAt, Light = light, Provisional = current.Provisional });
                    Record($"{task.Department} {task.Item}: deadline computed again on the loaded holiday schedule: due {current.DueAt.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd} " +
                        $"(was {before.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd}){(current.Provisional ? ", still provisional" : "")}");
                }
                else if (winner == yellow)
                {
                    yellow = null;
                    Replace(tasks, Same, v => v with { Light = "yellow" });
                    Record($"{task.Department} {task.Item}: yellow light, close to the limit of {task.TimeLimitWorkingDays} working days");
                }
                else
                {
                    red = null;
                    yellow = null;
                    Replace(tasks, Same, v => v with { Light = "red" });
                    Record($"{task.Department} {task.Item}: red light, overdue; escalated to the supervisor");
                    await context.CallActivityAsync<bool>(ActivityNames.Escalate, new Notification(plan.ApplicationId, "supervisor", "overdue-review",
                        $"{task.Department} has not decided {task.Item} of {plan.ApplicationId}, due {current.DueAt:yyyy-MM-dd}", $"{plan.ApplicationId}/{task.Department}/{task.Item}/round-{round}/red"), Retry);
                }
                Publish();
            }
        }
        finally
        {
            lights.Cancel();
            lights.Dispose();
            calendarWait.Cancel();
        }

        var answer = decision.Result;
        var state = answer.Decision switch { "approve" => "approved", "reject" => "rejected", _ => "corrections" };
        Replace(tasks, Same, v => v with { State = state, Opinion = answer.Opinion, DecidedAt = Now });
        Record($"{task.Department} {task.Item}: {state}{(answer.Opinion is { Length: > 0 } o ? $" ({o})" : "")}");
        Answer(answer, round, DecisionAnswer.Accepted, $"{task.Department} {answer.Decision} {task.Item}");
        _ = RefuseLaterDecisionsAsync(task, round, state);
        Publish();
        return answer;
    }

    /// <summary>One notice with every department's corrections; the clock stops until the applicant answers or the period ends.</summary>
    private async Task<bool> OneTimeNoticeAsync(IReadOnlyList<DepartmentDecision> corrections)
    {
        var answerBy = await Deadlines.ComputeAsync(NoticeKey, new DeadlineRequest(Now, plan.CorrectionPeriodWorkingDays));
        notices.Add(new NoticeView("one-time-notice", Now,
            corrections.Select(c => new CorrectionView(c.Department, c.Item, c.Opinion ?? "")).ToList(), answerBy.DueAt, answerBy.Provisional));
        pauses.Add(new PauseView(Now, null, "awaiting-corrections"));
        status = "awaiting-corrections";
        Record($"one-time notice issued with {corrections.Count} correction(s) from {corrections.Select(c => c.Department).Distinct().Count()} department(s); clock stopped");
        Publish();

        using var cancel = new CancellationTokenSource();
        var answer = context.WaitForExternalEvent<Resubmission>(Signals.Resubmission, cancel.Token);
        var inTime = await Deadlines.AnswerBeforeAsync(answer, NoticeKey);
        cancel.Cancel();
        Deadlines.Remove(NoticeKey);

        pauses[^1] = pauses[^1] with { To = Now };
        if (!inTime)
        {
            status = "closed";
            Record("no answer to the one-time notice within the correction period: closed as withdrawn");
            return false;
        }
        status = "under-review";
        Record($"corrections resubmitted ({answer.Result.Materials.Count} material(s)); clock restarted");
        Publish();
        return true;
    }
}
