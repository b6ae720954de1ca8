using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Approvals.Applications;

/// <summary>
/// A deadline counted into a year whose holiday schedule was not loaded is provisional (domain.md, "Working days").
/// Once the schedule is loaded (a new holidays.json deployed), this finds every running instance still showing a
/// provisional deadline that the calendar can now count in full, and signals its orchestration to compute it again:
/// each pending review task on its own signal; every other deadline (verification windows, the one-time notice's
/// answer date, joint-acceptance steps and overall limit, the rectification date) on one signal per instance.
/// Run daily with the commitment audit; a repeated run is harmless (nothing provisional is left to compute).
/// </summary>
public sealed class ProvisionalDeadlines(ApplicationQueries queries, DurableTaskClient client, IDeadlineCalculator calendar)
{
    /// <summary>Signals every deadline that can now be made final; returns how many signals were sent.</summary>
    public async Task<int> RefreshAsync(CancellationToken cancellationToken = default)
    {
        var signalled = 0;
        await foreach (var view in queries.EveryAsync([OrchestrationRuntimeStatus.Running], cancellationToken))
        {
            bool Final(DateTimeOffset due) => !calendar.IsProvisional(view.AcceptedAt, due);
            var jointAcceptance = view.Procedure == "joint-acceptance";
            // Joint-acceptance tasks carry the opinions step's deadline and move with it.
            foreach (var task in view.Tasks.Where(t => !jointAcceptance && t.State == "pending" && t.Provisional && Final(t.DueAt)))
            {
                await client.RaiseEventAsync(view.ApplicationId, Signals.CalendarUpdated(task.Department, task.Item), true, cancellation: cancellationToken);
                signalled++;
            }
            var others =
                view.Commitments.Any(c => c.Provisional && c.Status is "open" or "supplied" && c.DueAt is { } due && Final(due))
                || view.Status == "awaiting-corrections" && view.Notices.LastOrDefault() is { Provisional: true } notice && Final(notice.AnswerBy)
                || view.Steps.Any(s => s.State != "done" && s.Provisional && Final(s.DueAt))
                || view.Rectifications.Any(r => r.State == "open" && r.Provisional && Final(r.AnswerBy))
                || view.JointAcceptance is { Provisional: true } ja && Final(ja.DueAt);
            if (others)
            {
                await client.RaiseEventAsync(view.ApplicationId, Signals.DeadlinesCalendarUpdated, true, cancellation: cancellationToken);
                signalled++;
            }
        }
        return signalled;
    }
}
