using Approvals.Utilities;
using Microsoft.DurableTask;

namespace Approvals.Orchestrations;

/// <summary>
/// One utilities joint application (联合报装, Qingdao 三(六); SD 20, 25): one form forwarded to every utility at once; each
/// utility's track runs on its own (surveyed → complete, each against its published limit with lights, red escalating to
/// the lead unit), so a late utility holds no other up; after completion acceptance the applicant asks to connect and
/// each utility connects against its limit.
/// </summary>
public sealed class UtilitiesOrchestrator : TaskOrchestrator<UtilityPlan, UtilityStatusView>
{
    public const string Name = "UtilitiesJointApplication";

    public override Task<UtilityStatusView> RunAsync(TaskOrchestrationContext context, UtilityPlan input) => new UtilitiesRun(context, input).ExecuteAsync();
}
