using Approvals.Applications;
using Approvals.JointAcceptance;
using Microsoft.DurableTask;

namespace Approvals.Orchestrations;

/// <summary>
/// One joint completion acceptance (竣工联合验收), "accepted means certified" (联验即发证): opinion requests, one joint site
/// inspection, each department's opinion against its deadline with lights, one acceptance opinion (验收意见汇总表),
/// rectification of failed items with the clock stopped and re-inspection of those items only, the project's earlier
/// commitments verified (closing the loop), then the acceptance certificate, the archive certificate and first
/// real-estate registration (验登合一).
/// </summary>
public sealed class JointAcceptanceOrchestrator : TaskOrchestrator<JointAcceptancePlan, ApplicationStatusView>
{
    public const string Name = "JointAcceptance";

    public override Task<ApplicationStatusView> RunAsync(TaskOrchestrationContext context, JointAcceptancePlan input) =>
        new JointAcceptanceRun(context, input).ExecuteAsync();
}
