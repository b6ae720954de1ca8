using Approvals.Activities;
using Approvals.Applications;
using Approvals.JointAcceptance;

namespace Approvals.Orchestrations;

internal sealed partial class JointAcceptanceRun
{
    private static int Rank(string light) => light switch { "red" => 2, "yellow" => 1, _ => 0 };

    private string LightOf(PlannedStep deadline) => Now >= deadline.DueAt ? "red" : Now >= deadline.YellowAt ? "yellow" : "green";

    private void StartStep(string name, int round) =>
        Replace(steps, s => s.Name == name, s => s with { State = "in-progress", Round = round, CompletedAt = null, Light = Worse(s.Light, LightOf(deadlines[name])) });

    private void CompleteStep(string name)
    {
        Deadlines.Remove(name);
        Replace(steps, s => s.Name == name, s => s with { State = "done", CompletedAt = Now, Light = Worse(s.Light, LightOf(deadlines[name])) });
        var step = steps.Single(s => s.Name == name);
        Record($"step {name} done{(step.Light == "red" ? " (late)" : "")}");
        Publish();
    }

    private static string Worse(string a, string b) => Rank(b) > Rank(a) ? b : a;

    /// <summary>
    /// Waits for <paramref name="answer"/> while durable timers turn the light yellow and red against the deadline of
    /// <paramref name="step"/>; red is escalated by <paramref name="turn"/>, and the wait goes on after red. A deadline
    /// already passed turns red at once; a deadline computed again (holiday schedule loaded) is followed.
    /// </summary>
    private async Task<T> AwaitWithLightsAsync<T>(Task<T> answer, string step, Func<string, Task> turn)
    {
        var reached = "green";
        async Task Reach(string light)
        {
            if (Rank(light) <= Rank(reached)) return;
            reached = light;
            await turn(light);
        }
        // The timers are made once, as before deadlines could move, and made again only when the deadline moved.
        var lights = new CancellationTokenSource();
        Task? yellow = null, red = null;
        async Task StartLightsAsync()
        {
            var deadline = deadlines[step];
            await Reach(LightOf(deadline));
            yellow = Rank(reached) < 1 ? context.CreateTimer(deadline.YellowAt.UtcDateTime, lights.Token) : null;
            red = Rank(reached) < 2 ? context.CreateTimer(deadline.DueAt.UtcDateTime, lights.Token) : null;
        }
        await StartLightsAsync();
        var move = Deadlines.Moved;
        try
        {
            while (!answer.IsCompleted)
            {
                var waiting = new List<Task> { answer, move };
                if (yellow is not null) waiting.Add(yellow);
                if (red is not null) waiting.Add(red);
                var winner = await Task.WhenAny(waiting);
                if (winner == answer) break;
                if (winner == yellow)
                {
                    yellow = null;
                    await Reach("yellow");
                }
                else if (winner == red)
                {
                    yellow = null;
                    red = null;
                    await Reach("red");
                }
                else
                {
                    lights.Cancel();
                    lights.Dispose();
                    lights = new CancellationTokenSource();
                    move = Deadlines.Moved;
                    await StartLightsAsync();
                }
            }
        }
        finally
        {
            lights.Cancel();
            lights.Dispose();
        }
        return await answer;
    }

    /// <summary>Shows deadlines computed again on the loaded holiday schedule; the waits follow them on their own.</summary>
    private void ApplyMovedDeadlines(IReadOnlyList<(string Key, Deadline Before, Deadline After)> changes)
    {
        foreach (var (key, before, after) in changes)
        {
            if (key == OverallKey)
            {
                dueAt = after.DueAt;
                provisional = after.Provisional;
            }
            else if (plan.Commitments.FirstOrDefault(c => key == CommitmentKey(c)) is { } commitment)
            {
                UpdateCommitment(commitment, v => v with { DueAt = after.DueAt, Provisional = after.Provisional });
            }
            else if (key == RectificationKey)
            {
                for (var i = 0; i < rectifications.Count; i++)
                {
                    if (rectifications[i].State == "open") rectifications[i] = rectifications[i] with { AnswerBy = after.DueAt, Provisional = after.Provisional };
                }
            }
            else
            {
                deadlines[key] = deadlines[key] with { DueAt = after.DueAt, YellowAt = after.YellowAt, Provisional = after.Provisional };
                Replace(steps, s => s.Name == key, s => s with { DueAt = after.DueAt, Provisional = after.Provisional });
                if (key == AcceptanceSteps.DepartmentOpinions)
                {
                    for (var i = 0; i < tasks.Count; i++)
                    {
                        if (tasks[i].State == "pending") tasks[i] = tasks[i] with { DueAt = after.DueAt, Provisional = after.Provisional };
                    }
                }
            }
            Record($"{(key == OverallKey ? "overall limit" : key == RectificationKey ? "rectification answer date" : key.StartsWith("commitment:", StringComparison.Ordinal) ? key : $"step {key}")}: deadline computed again on the loaded holiday schedule: " +
                $"due {Local(after.DueAt):yyyy-MM-dd} (was {Local(before.DueAt):yyyy-MM-dd}){(after.Provisional ? ", still provisional" : "")}");
        }
        if (changes.Count > 0) Publish();
    }

    /// <summary>A step's light changes; red is escalated to the supervisor (亮灯管理) naming who is late.</summary>
    private async Task TurnStepAsync(string name, string light, string late)
    {
        Replace(steps, s => s.Name == name, s => s with { Light = Worse(s.Light, light) });
        var step = steps.Single(s => s.Name == name);
        if (light == "red")
        {
            Record($"step {name}: red light, overdue since {Local(step.DueAt):yyyy-MM-dd HH:mm}; escalated to the supervisor ({late})");
            await context.CallActivityAsync<bool>(ActivityNames.Escalate, new Notification(plan.ApplicationId, "supervisor", "overdue-acceptance-step",
                $"joint acceptance {plan.ApplicationId}: step {name} due {Local(step.DueAt):yyyy-MM-dd} is overdue; waiting for {late}",
                $"{plan.ApplicationId}/step/{name}/round-{step.Round}/red"), Retry);
        }
        else
        {
            Record($"step {name}: {light} light, close to its deadline ({late})");
        }
        Publish();
    }

    /// <summary>
    /// After the clock was stopped, every step not yet done (and the overall limit) gets the working days it had left:
    /// its offset from acceptance minus the working days the clock has run, at least one.
    /// </summary>
    private async Task ShiftDeadlinesAsync()
    {
        var used = await context.CallActivityAsync<int>(JointAcceptanceActivityNames.CountWorkingDaysUsed,
            new WorkingDaysUsedRequest(plan.AcceptedAt, Now, pauses.ToList()), Retry);
        foreach (var step in steps.Where(s => s.State != "done").ToList())
        {
            var planned = deadlines[step.Name];
            var remaining = Math.Max(1, planned.OffsetWorkingDays - used);
            var moved = await Deadlines.ComputeAsync(step.Name, new DeadlineRequest(Now, remaining));
            deadlines[step.Name] = planned with { DueAt = moved.DueAt, YellowAt = moved.YellowAt, Provisional = moved.Provisional };
            Replace(steps, s => s.Name == step.Name, s => s with { DueAt = moved.DueAt, Provisional = moved.Provisional, Light = LightOf(deadlines[step.Name]) });
        }
        var overall = await Deadlines.ComputeAsync(OverallKey, new DeadlineRequest(Now, Math.Max(1, plan.TotalWorkingDays - used)));
        dueAt = overall.DueAt;
        provisional = overall.Provisional;
        Record($"clock restarted after {used} working day(s) used; remaining deadlines moved, overall due {Local(dueAt):yyyy-MM-dd HH:mm}");
    }
}
