using Approvals.Applications;
using Approvals.BusinessOpenings;
using Approvals.Calls;
using Approvals.JointAcceptance;
using Approvals.Orchestrations;
using Approvals.Utilities;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Approvals.Functions.Triggers.Durable;

/// <summary>
/// The procedures' orchestrations (and call and respond's), as Durable Functions sees them: thin wrappers over the domain's orchestrators.
/// The plan is bound as the second parameter (the extension's orchestration input converter), which also tells the
/// local host the input's type.
/// </summary>
public static class ApprovalOrchestrations
{
    [Function(CommitmentApprovalOrchestrator.Name)]
    public static Task<ApplicationStatusView> CommitmentApproval([OrchestrationTrigger] TaskOrchestrationContext context, ApplicationPlan plan) =>
        new CommitmentApprovalOrchestrator().RunAsync(context, plan);

    [Function(JointAcceptanceOrchestrator.Name)]
    public static Task<ApplicationStatusView> JointAcceptance([OrchestrationTrigger] TaskOrchestrationContext context, JointAcceptancePlan plan) =>
        new JointAcceptanceOrchestrator().RunAsync(context, plan);

    [Function(CallOrchestrator.Name)]
    public static Task<CallStatusView> CallAndRespond([OrchestrationTrigger] TaskOrchestrationContext context, CallPlan plan) =>
        new CallOrchestrator().RunAsync(context, plan);

    [Function(UtilitiesOrchestrator.Name)]
    public static Task<UtilityStatusView> UtilitiesJointApplication([OrchestrationTrigger] TaskOrchestrationContext context, UtilityPlan plan) =>
        new UtilitiesOrchestrator().RunAsync(context, plan);

    [Function(DirectServiceOrchestrator.Name)]
    public static Task<Approvals.DirectService.BookingStatusView> DirectServiceBooking([OrchestrationTrigger] TaskOrchestrationContext context,
        Approvals.DirectService.BookingPlan plan) =>
        new DirectServiceOrchestrator().RunAsync(context, plan);

    [Function(LandToStartOrchestrator.Name)]
    public static Task<Approvals.LandToStart.LandToStartStatusView> LandToStart([OrchestrationTrigger] TaskOrchestrationContext context,
        Approvals.LandToStart.LandToStartPlan plan) =>
        new LandToStartOrchestrator().RunAsync(context, plan);

    [Function(BusinessOpeningOrchestrator.Name)]
    public static Task<BusinessOpeningStatusView> BusinessOpening([OrchestrationTrigger] TaskOrchestrationContext context, BusinessOpeningPlan plan) =>
        new BusinessOpeningOrchestrator().RunAsync(context, plan);

    [Function(StewardPlanOrchestrator.Name)]
    public static Task<Approvals.Stewardship.StewardPlanView> ProjectStewardPlan([OrchestrationTrigger] TaskOrchestrationContext context, Approvals.Stewardship.StewardPlan plan) =>
        new StewardPlanOrchestrator().RunAsync(context, plan);
}
