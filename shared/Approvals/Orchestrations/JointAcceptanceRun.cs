using Approvals.Activities;
using Approvals.Applications;
using Approvals.JointAcceptance;
using Microsoft.DurableTask;

namespace Approvals.Orchestrations;

/// <summary>
/// The state of one joint acceptance while its orchestration runs, published as the custom status after every change
/// so the status API never replays. Deterministic: time only from the context.
/// </summary>
internal sealed partial class JointAcceptanceRun(TaskOrchestrationContext context, JointAcceptancePlan plan)
{
    /// <summary>The item code of the acceptance certificate (竣工联合验收意见书) in the certificate store.</summary>
    public const string AcceptanceCertificateItem = "JA-ACCEPTANCE";

    private static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromSeconds(30), 2.0, TimeSpan.FromMinutes(30)));

    private readonly List<StepView> steps = [];
    private readonly Dictionary<string, PlannedStep> deadlines = plan.Steps.ToDictionary(s => s.Name);
    private readonly List<TaskView> tasks = [];
    private readonly List<DepartmentOpinionView> opinions = [];
    private readonly List<FindingView> findings = [];
    private readonly List<RectificationView> rectifications = [];
    private readonly List<CertificateView> certificates = [];
    private readonly List<CommitmentView> commitments = plan.Commitments
        .Select(c => new CommitmentView(c.CommitmentId, c.MaterialCode, c.Class, c.Items, null, c.Sampled, "open", c.VerifyingDepartment)).ToList();
    private readonly List<PauseView> pauses = [];
    private readonly List<TimelineEntry> timeline = [];
    private IReadOnlyList<EarlierCommitment> earlierCommitments = plan.EarlierCommitments;
    private readonly Dictionary<string, Task<InspectionResult>> fullChecks = [];
    private readonly Dictionary<string, string> verifiedHere = [];
    private AcceptanceOpinionView? acceptanceOpinion;
    private string status = "submitted";
    private string? reason;
    private string? archiveNumber;
    private string? registrationNumber;
    private DateTimeOffset dueAt = plan.DueAt;
    private bool provisional = plan.Provisional;
    private DateTimeOffset? closedAt;
    private RecomputableDeadlines? book;

    /// <summary>Steps, the overall limit and the rectification date, computed again once a missing holiday schedule is loaded.</summary>
    private RecomputableDeadlines Deadlines => book ??= new RecomputableDeadlines(context, Retry);

    private const string OverallKey = "overall";
    private const string RectificationKey = "rectification";

    private DateTimeOffset Now => new(context.CurrentUtcDateTime, TimeSpan.Zero);

    public async Task<ApplicationStatusView> ExecuteAsync()
    {
        Record($"accepted for joint acceptance ({plan.Stages}{(plan.UnitName is { } u ? $", unit {u}" : "")}): {plan.Inspections.Count} item(s) across " +
            $"{plan.Departments.Count} department(s); time plan {plan.TimePlan}, {plan.TotalWorkingDays} working days, due {Local(plan.DueAt):yyyy-MM-dd HH:mm}" +
            (plan.Provisional ? " (provisional)" : ""));
        if (earlierCommitments.Count > 0)
        {
            Record($"earlier commitments of project {plan.ProjectCode}: {string.Join(", ", earlierCommitments.Select(c => $"{c.CommitmentId} {c.Status}"))}; verified before acceptance passes");
        }
        foreach (var step in plan.Steps)
        {
            steps.Add(new StepView(step.Name, "pending", step.DueAt, step.Provisional, LightOf(step)));
            Deadlines.Set(step.Name, new Deadline(step.DueAt, step.YellowAt, step.Provisional), new DeadlineRequest(plan.AcceptedAt, step.OffsetWorkingDays));
        }
        Deadlines.Set(OverallKey, new Deadline(plan.DueAt, plan.DueAt, plan.Provisional), new DeadlineRequest(plan.AcceptedAt, plan.TotalWorkingDays));
        _ = Deadlines.WatchAsync(ApplyMovedDeadlines);
        var opinionsDue = deadlines[AcceptanceSteps.DepartmentOpinions];
        foreach (var inspection in plan.Inspections)
        {
            tasks.Add(new TaskView(inspection.Department, inspection.Item, "pending", opinionsDue.DueAt, LightOf(opinionsDue), null, opinionsDue.Provisional));
        }
        status = "under-review";
        Publish();

        await SendOpinionRequestsAsync();
        await SiteInspectionAsync();

        var round = 1;
        var pending = plan.Inspections.ToList();
        while (true)
        {
            await OpinionsAsync(pending, round);
            var failed = opinions.Where(o => o.Result != "pass").ToList();
            if (failed.Count == 0) break;

            StartStep(AcceptanceSteps.AcceptanceOpinion, round);
            IssueOpinion("fail", round, $"{failed.Count} item(s) failed: rectification needed");
            if (!await RectifyAsync(failed, round)) return Finish("closed");
            round++;
            pending = plan.Inspections.Where(i => failed.Any(f => f.Department == i.Department && f.Item == i.Item)).ToList();
        }

        StartStep(AcceptanceSteps.AcceptanceOpinion, round);
        if (!await CloseTheLoopAsync(round)) return Finish("rejected");
        IssueOpinion("pass", round, null);
        CompleteStep(AcceptanceSteps.AcceptanceOpinion);
        await IssueAcceptanceCertificateAsync();

        status = "certifying";
        Publish();
        var verification = Task.WhenAll(plan.Commitments.Select(VerifyCommitmentAsync));
        await Task.WhenAll(ArchiveCertificateAsync(), FirstRegistrationAsync());
        if (!verification.IsCompleted)
        {
            status = "verifying";
            Publish();
        }
        await verification;
        return Finish(certificates.Any(c => c.Status == "revoked") ? "revoked" : "closed");
    }

    /// <summary>Step 1: every department of the chosen stages gets its opinion request (意见征求) with the site appointment.</summary>
    private async Task SendOpinionRequestsAsync()
    {
        StartStep(AcceptanceSteps.OpinionRequests, 1);
        var opinionsDue = deadlines[AcceptanceSteps.DepartmentOpinions].DueAt;
        await Task.WhenAll(plan.Inspections.GroupBy(i => i.Department).Select(g => context.CallActivityAsync<bool>(
            ActivityNames.SendReviewRequest,
            new Notification(plan.ApplicationId, g.Key, "acceptance-opinion-request",
                $"联合验收意见征求 / joint acceptance of {plan.ProjectName}{UnitSuffix}: {string.Join(", ", g.Select(i => i.Item))}; " +
                $"joint site inspection {Local(plan.SiteAppointmentAt):yyyy-MM-dd HH:mm}; opinions due {Local(opinionsDue):yyyy-MM-dd}",
                $"{plan.ApplicationId}/{g.Key}/acceptance-request"),
            Retry)));
        Record($"opinion requests sent to {string.Join(", ", plan.Departments)}; joint site inspection booked for {Local(plan.SiteAppointmentAt):yyyy-MM-dd HH:mm}");
        CompleteStep(AcceptanceSteps.OpinionRequests);
    }

    private ApplicationStatusView Finish(string final)
    {
        status = final;
        closedAt = Now;
        if (pauses.Count > 0 && pauses[^1].To is null) pauses[^1] = pauses[^1] with { To = Now };
        Record($"joint acceptance {status}{(reason is { } r && final != "closed" ? $": {r}" : "")}");
        return Publish();
    }

    private string UnitSuffix => plan.UnitName is { } unit ? $" (unit {unit})" : "";

    private static DateTimeOffset Local(DateTimeOffset instant) => instant.ToOffset(TimeSpan.FromHours(8));

    private void Record(string text) => timeline.Add(new TimelineEntry(Now, text));

    private ApplicationStatusView Publish()
    {
        var view = new ApplicationStatusView
        {
            ApplicationId = plan.ApplicationId,
            Procedure = "joint-acceptance",
            Status = status,
            RiskLevel = plan.RiskLevel,
            Uscc = plan.Uscc,
            ProjectCode = plan.ProjectCode,
            AcceptedAt = plan.AcceptedAt,
            Tasks = tasks.ToList(),
            Certificates = certificates.ToList(),
            Commitments = commitments.ToList(),
            Clock = new ClockView(pauses.ToList(), closedAt),
            Timeline = timeline.ToList(),
            Steps = steps.ToList(),
            SiteInspection = new SiteInspectionView(plan.SiteAppointmentAt, plan.Departments, findings.ToList()),
            AcceptanceOpinion = acceptanceOpinion,
            Rectifications = rectifications.ToList(),
            JointAcceptance = new JointAcceptanceView(plan.Stages, plan.UnitName, plan.TimePlan, plan.TotalWorkingDays, dueAt, provisional,
                earlierCommitments, archiveNumber, registrationNumber, reason),
        };
        PublishedStatus.Set(context, view);
        return view;
    }

    private static void Replace<T>(List<T> list, Func<T, bool> match, Func<T, T> change)
    {
        var index = list.FindIndex(x => match(x));
        if (index >= 0) list[index] = change(list[index]);
    }
}
