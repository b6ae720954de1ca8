using Approvals.Applications;
using Microsoft.DurableTask;

namespace Approvals.Activities;

/// <summary>Working-day arithmetic as an activity: the calendar is data that changes yearly, so orchestrations never compute it themselves.</summary>
public sealed class ComputeDeadlineActivity(IDeadlineCalculator calculator) : TaskActivity<DeadlineRequest, Deadline>
{
    public override Task<Deadline> RunAsync(TaskActivityContext context, DeadlineRequest request) => Task.FromResult(calculator.Compute(request));
}
