using Approvals.Stewardship;
using Microsoft.DurableTask;

namespace Approvals.Orchestrations;

/// <summary>
/// One key project's steward plan (项目管家, Shandong measure 33): each node watched against its planned date; a node late
/// at the end of its day warns the steward and its owner, and, still late N working days later, the lead department;
/// causes and actions recorded, replans that keep the first dates and the warnings sent, and the applicant's ratings.
/// </summary>
public sealed class StewardPlanOrchestrator : TaskOrchestrator<StewardPlan, StewardPlanView>
{
    public const string Name = StewardCommands.OrchestratorName;

    public override Task<StewardPlanView> RunAsync(TaskOrchestrationContext context, StewardPlan input) => new StewardPlanRun(context, input).ExecuteAsync();
}
