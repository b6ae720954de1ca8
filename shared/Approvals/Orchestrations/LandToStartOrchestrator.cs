using Approvals.LandToStart;
using Microsoft.DurableTask;

namespace Approvals.Orchestrations;

/// <summary>
/// One land-to-start case (拿地即开工 with 模拟审批, Jining 2020 三(二)): the pre-land steps in their order, each lit
/// against its limit; simulated opinions on the four documents, never certificates; on the land-contract day the four
/// documents issue together, each whose basis is unchanged at once, the others reviewed again, red and escalated to the lead.
/// </summary>
public sealed class LandToStartOrchestrator : TaskOrchestrator<LandToStartPlan, LandToStartStatusView>
{
    public const string Name = "LandToStart";

    public override Task<LandToStartStatusView> RunAsync(TaskOrchestrationContext context, LandToStartPlan input) => new LandToStartRun(context, input).ExecuteAsync();
}
