using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Approvals.Applications;

/// <summary>
/// A deadline counted into a year whose holiday schedule was not loaded is provisional (domain.md, "Working days").
/// Once the schedule is loaded (a new holidays.json deployed), this finds every pending review task still showing a
/// provisional deadline that the calendar can now count in full, and signals its orchestration to compute it again.
/// Run daily with the commitment audit; the signal's id makes a repeated run harmless.
/// </summary>
public sealed class ProvisionalDeadlines(ApplicationQueries queries, DurableTaskClient client, IDeadlineCalculator calendar)
{
    /// <summary>Signals every task whose provisional deadline can now be made final; returns how many.</summary>
    public async Task<int> RefreshAsync(CancellationToken cancellationToken = default)
    {
        var signalled = 0;
        await foreach (var view in queries.EveryAsync([OrchestrationRuntimeStatus.Running], cancellationToken))
        {
            foreach (var task in view.Tasks.Where(t => t.State == "pending" && t.Provisional && !calendar.IsProvisional(view.AcceptedAt, t.DueAt)))
            {
                await client.RaiseEventAsync(view.ApplicationId, Signals.CalendarUpdated(task.Department, task.Item), true, cancellation: cancellationToken);
                signalled++;
            }
        }
        return signalled;
    }
}
