using Approvals.Activities;
using Approvals.Applications;
using Approvals.JointAcceptance;

namespace Approvals.Orchestrations;

internal sealed partial class JointAcceptanceRun
{
    /// <summary>
    /// Rectification (整改): one notice with every failed item's rectification items; the clock stops, with its reason,
    /// until the applicant reports them rectified, then only the failed items are inspected again with the time left.
    /// False when the rectification period ends without an answer (closed as withdrawn).
    /// </summary>
    private async Task<bool> RectifyAsync(IReadOnlyList<DepartmentOpinionView> failed, int round)
    {
        var answerBy = await Deadlines.ComputeAsync(RectificationKey, new DeadlineRequest(Now, plan.RectificationPeriodWorkingDays));
        foreach (var opinion in failed)
        {
            foreach (var text in opinion.Rectifications)
            {
                rectifications.Add(new RectificationView(opinion.Department, opinion.Item, text, Now, answerBy.DueAt, "open", round, answerBy.Provisional));
            }
        }
        await context.CallActivityAsync<bool>(JointAcceptanceActivityNames.NotifyApplicant, new Notification(plan.ApplicationId, plan.Uscc, "rectification-notice",
            $"整改通知 / rectification notice for {plan.ProjectName}{UnitSuffix}: " +
            string.Join("; ", failed.Select(f => $"{f.Department} {f.Item}: {string.Join(", ", f.Rectifications)}")) + $"; answer by {Local(answerBy.DueAt):yyyy-MM-dd}",
            $"{plan.ApplicationId}/rectification/round-{round}"), Retry);
        pauses.Add(new PauseView(Now, null, "awaiting-rectification"));
        status = "awaiting-rectification";
        Record($"rectification notice issued for {failed.Count} item(s) ({string.Join(", ", failed.Select(f => f.Item))}); clock stopped");
        Publish();

        using var cancel = new CancellationTokenSource();
        var report = context.WaitForExternalEvent<RectificationReport>(Signals.Rectified, cancel.Token);
        var inTime = await Deadlines.AnswerBeforeAsync(report, RectificationKey);
        cancel.Cancel();
        Deadlines.Remove(RectificationKey);
        pauses[^1] = pauses[^1] with { To = Now };
        if (!inTime)
        {
            reason = "no rectification within the rectification period: closed as withdrawn";
            Record(reason);
            return false;
        }

        for (var i = 0; i < rectifications.Count; i++)
        {
            if (rectifications[i].Round == round) rectifications[i] = rectifications[i] with { State = "rectified" };
        }
        status = "under-review";
        Record($"applicant reports the items rectified{(report.Result.Note is { Length: > 0 } n ? $" ({n})" : "")}; only the failed items are inspected again");
        Replace(steps, s => s.Name == AcceptanceSteps.DepartmentOpinions || s.Name == AcceptanceSteps.AcceptanceOpinion, s => s with { State = "pending", CompletedAt = null });
        await ShiftDeadlinesAsync();
        var opinionsDue = deadlines[AcceptanceSteps.DepartmentOpinions].DueAt;
        await Task.WhenAll(failed.GroupBy(f => f.Department).Select(g => context.CallActivityAsync<bool>(ActivityNames.SendReviewRequest,
            new Notification(plan.ApplicationId, g.Key, "re-inspection-request",
                $"整改复验 / re-inspect after rectification: {string.Join(", ", g.Select(f => f.Item))}; opinion due {Local(opinionsDue):yyyy-MM-dd}",
                $"{plan.ApplicationId}/{g.Key}/re-inspection/round-{round + 1}"), Retry)));
        Publish();
        return true;
    }
}
