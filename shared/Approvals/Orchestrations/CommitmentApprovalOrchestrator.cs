using Approvals.Applications;
using Microsoft.DurableTask;

namespace Approvals.Orchestrations;

/// <summary>
/// One notify-and-commit application (告知承诺制审批), end to end: commitment letter, unattended items, parallel
/// department review with lights, one-time notice with the clock stopped, certificates, verification of every
/// commitment on durable timers, and enforcement and credit for broken or false ones.
/// </summary>
public sealed class CommitmentApprovalOrchestrator : TaskOrchestrator<ApplicationPlan, ApplicationStatusView>
{
    public const string Name = "CommitmentApproval";

    public override Task<ApplicationStatusView> RunAsync(TaskOrchestrationContext context, ApplicationPlan input) =>
        new ApprovalRun(context, input).ExecuteAsync();
}
