using Approvals.Applications;
using Microsoft.DurableTask;

namespace Approvals.Activities;

/// <summary>Working days a clock has run (审批用时) between two instants, minus its recorded stops; on the calendar, which is data.</summary>
public sealed class CountWorkingDaysUsedActivity(IDeadlineCalculator calculator) : TaskActivity<WorkingDaysUsedRequest, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, WorkingDaysUsedRequest request)
    {
        var used = calculator.WorkingDaysBetween(request.From, request.To);
        foreach (var pause in request.Paused)
        {
            used -= calculator.WorkingDaysBetween(pause.From, pause.To ?? request.To);
        }
        return Task.FromResult(Math.Max(0, used));
    }
}
