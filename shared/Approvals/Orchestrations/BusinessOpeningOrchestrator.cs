using Approvals.BusinessOpenings;
using Microsoft.DurableTask;

namespace Approvals.Orchestrations;

/// <summary>
/// One business opening (开户即开业 / 证照联办, Jining 2020 二, 三(一)): submitted; the company's USCC generated and the
/// business licence and every permit or filing issued at one and the same instant (证照同发), never a permit without its
/// licence; each item then post-checked (事后核查) by its department within its working-day period (site for a
/// commitment permit, documents for a filing); verified, or broken, which revokes that permit alone (the licence
/// stays valid) and goes to the company's credit record. A post-check never recorded stays due on a red light.
/// </summary>
public sealed class BusinessOpeningOrchestrator : TaskOrchestrator<BusinessOpeningPlan, BusinessOpeningStatusView>
{
    public const string Name = "BusinessOpening";

    public override Task<BusinessOpeningStatusView> RunAsync(TaskOrchestrationContext context, BusinessOpeningPlan input) =>
        new BusinessOpeningRun(context, input).ExecuteAsync();
}
