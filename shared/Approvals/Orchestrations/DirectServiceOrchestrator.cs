using Approvals.DirectService;
using Microsoft.DurableTask;

namespace Approvals.Orchestrations;

/// <summary>
/// One direct-train booking (审批服务直通车, Qingdao pilot): first contact lit against its limit and escalated when late,
/// the team assigned, on-site visits that accept, approve and print under the department's authorisation or send items
/// back to the hall, extreme gap acceptance with its key documents to supply (the opinion follows the supply; never
/// supplied, the acceptance is revoked and the applicant's credit records it), and the service plan ticked off node by node.
/// </summary>
public sealed class DirectServiceOrchestrator : TaskOrchestrator<BookingPlan, BookingStatusView>
{
    public const string Name = "DirectServiceBooking";

    public override Task<BookingStatusView> RunAsync(TaskOrchestrationContext context, BookingPlan input) => new DirectServiceRun(context, input).ExecuteAsync();
}
