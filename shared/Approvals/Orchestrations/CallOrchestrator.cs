using Approvals.Calls;
using Microsoft.DurableTask;

namespace Approvals.Orchestrations;

/// <summary>
/// One enterprise call (呼叫即回应, Jining 2020 三(四)): registered (挂号) and assigned with a slip (交办单) naming the
/// person and the deadline; a major urgent call goes to the district leaders at once; lights on the deadline, and an
/// overdue call goes to the platform office with an explanation to the enterprise while its unit still answers; the
/// unit answers solved or explained (件件有回音); the enterprise rates it, unsatisfied reopens it with a new slip, and
/// the call closes (销号) only after an answer was shown.
/// </summary>
public sealed class CallOrchestrator : TaskOrchestrator<CallPlan, CallStatusView>
{
    public const string Name = "CallAndRespond";

    public override Task<CallStatusView> RunAsync(TaskOrchestrationContext context, CallPlan input) => new CallRun(context, input).ExecuteAsync();
}
