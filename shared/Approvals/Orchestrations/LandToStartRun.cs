using Approvals.Activities;
using Approvals.Applications;
using Approvals.LandToStart;
using Microsoft.DurableTask;
using static Approvals.Calendar.ShanghaiTime;

namespace Approvals.Orchestrations;

/// <summary>
/// The state of one land-to-start case while it runs, published as the custom status after every change.
/// Deterministic: time only from the context, working days only from the ComputeDeadline activity.
/// </summary>
internal sealed partial class LandToStartRun(TaskOrchestrationContext context, LandToStartPlan plan)
{
    private static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromSeconds(30), 2.0, TimeSpan.FromMinutes(30)));

    private readonly List<LandStepView> steps = plan.Steps.Select(s => new LandStepView
    {
        Key = s.Key, Name = s.Name, NameEn = s.NameEn, Department = s.Department, After = s.After,
        State = s.SkippedWhenSoldWithDesignScheme && plan.SoldWithDesignScheme ? "skipped" : "waiting",
    }).ToList();
    private readonly List<LandDocumentView> documents = plan.Documents.Select(d => new LandDocumentView
    {
        Key = d.Document.Key, Name = d.Document.Name, NameEn = d.Document.NameEn, Department = d.Document.Department, State = "awaiting-simulation", Basis = d.Basis,
    }).ToList();
    private readonly List<TimelineEntry> timeline = [];
    private string status = "pre-land";
    private DateTimeOffset? readyAt;
    private LandContract? contract;

    private DateTimeOffset Now => new(context.CurrentUtcDateTime, TimeSpan.Zero);

    public async Task<LandToStartStatusView> ExecuteAsync()
    {
        Record($"申请 / applied: {plan.ProjectName} ({plan.Park}); 范围审查通过 / scope checked: 园区重点工业项目，非危险化学品，自愿申请 / a key industrial project in a park, " +
            "no hazardous chemicals, applied for voluntarily" + (plan.SoldWithDesignScheme ? "; 带设计方案出让，免设计方案审查 / sold with a design scheme: no scheme review" : ""));
        Publish();

        // Each step opens when the steps before it are done; the simulated opinions run alongside from the start.
        var done = new Dictionary<string, Task>(StringComparer.Ordinal);
        foreach (var step in plan.Steps) done[step.Key] = RunStepAsync(step, step.After.Select(a => done[a]).ToList());
        await Task.WhenAll([.. done.Values, .. plan.Documents.Select(d => SimulateAsync(d.Document))]);

        status = "ready";
        readyAt = Now;
        Record("具备签约条件 / ready: 拿地前各步骤完成，四证模拟审批通过 / every pre-land step done, every document's simulated opinion passed");
        Publish();
        await context.CallActivityAsync<bool>(JointAcceptanceActivityNames.NotifyApplicant, new Notification(plan.CaseId, plan.Uscc, "land-to-start-ready",
            $"拿地即开工 / {plan.ProjectName} is ready: 签订土地出让合同当天即可领取四证 / the four documents issue on the day the land contract is signed",
            $"{plan.CaseId}/ready"), Retry);

        contract = await context.WaitForExternalEvent<LandContract>(LandToStartSignals.Contract);
        status = "contract-signed";
        Record($"签订土地出让合同 / land contract {contract.ContractNumber} signed on {contract.SignedOn:yyyy-MM-dd}");
        Publish();
        await IssueOnContractDayAsync();
        status = "four-issued";
        Record("四证齐发 / all four documents issued");
        return Publish();
    }

    private void Replace<T>(List<T> list, Predicate<T> match, Func<T, T> change)
    {
        var index = list.FindIndex(match);
        list[index] = change(list[index]);
    }

    private void Record(string text) => timeline.Add(new TimelineEntry(Now, text));

    private LandToStartStatusView Publish()
    {
        var view = new LandToStartStatusView
        {
            CaseId = plan.CaseId,
            Uscc = plan.Uscc,
            ProjectCode = plan.ProjectCode,
            ProjectName = plan.ProjectName,
            Park = plan.Park,
            SoldWithDesignScheme = plan.SoldWithDesignScheme,
            Status = status,
            AppliedAt = plan.AppliedAt,
            ReadyAt = readyAt,
            Conditions = plan.Conditions,
            Materials = plan.Materials,
            Steps = steps.ToList(),
            Documents = documents.ToList(),
            ContractNumber = contract?.ContractNumber,
            ContractSignedOn = contract?.SignedOn,
            ContractAt = contract?.At,
            Timeline = timeline.ToList(),
        };
        PublishedStatus.Set(context, view);
        return view;
    }
}
