using Approvals.Activities;
using Approvals.Applications;
using Microsoft.DurableTask;

namespace Approvals.Orchestrations;

/// <summary>
/// The state of one approval while its orchestration runs. Every change is published as the orchestration's
/// custom status, which is what the status API reads. Deterministic: time only from the context.
/// </summary>
internal sealed partial class ApprovalRun(TaskOrchestrationContext context, ApplicationPlan plan)
{
    private static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromSeconds(30), 2.0, TimeSpan.FromMinutes(30)));

    private readonly List<TaskView> tasks = [];
    private readonly List<NoticeView> notices = [];
    private readonly List<(CertificateView Certificate, string Item)> certificates = [];
    private readonly List<CommitmentView> commitments = [];
    private readonly List<PauseView> pauses = [];
    private readonly List<TimelineEntry> timeline = [];
    private string status = "submitted";
    private string? letterHash;
    private DateTimeOffset? closedAt;
    private RecomputableDeadlines? book;

    /// <summary>Verification windows and the notice's answer date, computed again once a missing holiday schedule is loaded.</summary>
    private RecomputableDeadlines Deadlines => book ??= new RecomputableDeadlines(context, Retry);

    private DateTimeOffset Now => new(context.CurrentUtcDateTime, TimeSpan.Zero);

    public async Task<ApplicationStatusView> ExecuteAsync()
    {
        if (plan.StageClaim is { } claim && plan.Stage is { } stage)
        {
            var holder = await context.CallActivityAsync<string>(ActivityNames.ClaimPermitStage, new StageClaimRequest(claim, plan.ApplicationId), Retry);
            if (holder != plan.ApplicationId)
            {
                Record($"本项目“{stage.Name}”阶段已由 {holder} 同时申请，本申请不予受理 / stage {stage.Code} of this project was applied for at the same time in {holder}; this application is not taken further");
                return Finish("rejected");
            }
        }
        Record($"accepted: {plan.Tasks.Count} department task(s), {plan.UnattendedItems.Count} unattended item(s), {plan.Commitments.Count} commitment(s); risk {plan.RiskLevel}");
        status = "under-review";
        // Every task is visible from the first published status, so an early decision finds its task.
        tasks.AddRange(plan.Tasks.Select(t => new TaskView(t.Department, t.Item, "pending", t.DueAt, "green", null, t.Provisional)));
        foreach (var c in plan.Commitments)
        {
            commitments.Add(new CommitmentView(c.CommitmentId, c.MaterialCode, c.Class, c.Items, null, c.Sampled, "open", c.VerifyingDepartment, Gap: c.Gap));
        }
        Publish();
        _ = Deadlines.WatchAsync(ApplyMovedDeadlines);

        if (plan.Commitments.Count > 0)
        {
            letterHash = await context.CallActivityAsync<string>(ActivityNames.WriteCommitmentLetter, plan, Retry);
            Record($"comprehensive commitment letter signed (sha256 {letterHash[..12]}…)");
        }
        foreach (var item in plan.UnattendedItems)
        {
            Record($"{item.Item} approved by the system without intervention (unattended approval)");
        }

        // Acceptance with gaps (容缺受理): the supply window runs from acceptance, alongside the review.
        var gaps = plan.Commitments.Where(c => c.Gap).ToDictionary(c => c.CommitmentId, AwaitGapSupplyAsync);

        var approved = await ReviewAsync();
        if (approved is null) return Finish();

        status = "approved";
        var held = approved.Where(i => GapsOf(i.Item).Any()).ToList();
        await IssueCertificatesAsync(approved.Except(held).ToList());
        foreach (var item in held)
        {
            Record($"decision on {item.Item} held until its gap(s) are supplied (容缺): {string.Join(", ", GapsOf(item.Item).Select(g => g.MaterialCode))}");
        }
        if (plan.Commitments.Count == 0) return Finish("closed");

        status = "verifying";
        Publish();
        await Task.WhenAll(plan.Commitments.Where(c => !c.Gap).Select(VerifyAsync)
            .Concat(held.Select(i => IssueAfterGapsAsync(i, gaps)))
            .Concat(plan.Commitments.Where(c => c.Gap).Select(c => CheckGapAsync(c, gaps[c.CommitmentId]))));
        return Finish(certificates.Any(c => c.Certificate.Status == "revoked") ? "revoked" : "closed");
    }

    private IEnumerable<PlannedCommitment> GapsOf(string item) => plan.Commitments.Where(c => c.Gap && c.Items.Contains(item));

    private async Task IssueCertificatesAsync(IReadOnlyList<(string Item, string Name)> items)
    {
        if (items.Count == 0) return;
        var issued = await Task.WhenAll(items.Select(i => context.CallActivityAsync<CertificateView>(
            ActivityNames.IssueCertificate,
            new CertificateRequest(plan.ApplicationId, i.Item, i.Name, plan.Uscc, plan.ApplicantName, plan.ProjectCode, plan.ProjectName, Now),
            Retry)));
        foreach (var (certificate, item) in issued.Zip(items))
        {
            certificates.Add((certificate, item.Item));
            Record($"certificate {certificate.Number} issued for {item.Item}");
        }
        Publish();
    }

    private ApplicationStatusView Finish(string? final = null)
    {
        if (final is not null) status = final;
        closedAt = Now;
        Record($"application {status}");
        return Publish();
    }

    private static string NoticeKey => "notice";

    private static string WindowKey(PlannedCommitment c) => $"commitment:{c.CommitmentId}";

    private static string CheckKey(PlannedCommitment c) => $"commitment:{c.CommitmentId}:check";

    /// <summary>Shows deadlines computed again on the loaded holiday schedule; the waits follow them on their own.</summary>
    private void ApplyMovedDeadlines(IReadOnlyList<(string Key, Deadline Before, Deadline After)> changes)
    {
        foreach (var (key, before, after) in changes)
        {
            string what;
            if (key == NoticeKey)
            {
                notices[^1] = notices[^1] with { AnswerBy = after.DueAt, Provisional = after.Provisional };
                what = "one-time notice answer date";
            }
            else if (plan.Commitments.FirstOrDefault(c => key == WindowKey(c)) is { } c)
            {
                UpdateCommitment(c, v => v with { DueAt = after.DueAt, Provisional = after.Provisional });
                what = $"commitment {c.CommitmentId} window";
            }
            else
            {
                what = key;
            }
            Record($"{what}: deadline computed again on the loaded holiday schedule: due {Local(after.DueAt):yyyy-MM-dd} (was {Local(before.DueAt):yyyy-MM-dd})" +
                (after.Provisional ? ", still provisional" : ""));
        }
        if (changes.Count > 0) Publish();
    }

    private static DateTimeOffset Local(DateTimeOffset instant) => instant.ToOffset(TimeSpan.FromHours(8));

    private void Record(string text) => timeline.Add(new TimelineEntry(Now, text));

    private ApplicationStatusView Publish()
    {
        var view = new ApplicationStatusView
        {
            ApplicationId = plan.ApplicationId,
            Procedure = plan.Procedure,
            Status = status,
            RiskLevel = plan.RiskLevel,
            Uscc = plan.Uscc,
            ProjectCode = plan.ProjectCode,
            AcceptedAt = plan.AcceptedAt,
            Tasks = tasks.ToList(),
            Notices = notices.ToList(),
            Certificates = certificates.Select(c => c.Certificate).ToList(),
            Commitments = commitments.ToList(),
            Clock = new ClockView(pauses.ToList(), closedAt),
            Timeline = timeline.ToList(),
            CommitmentLetterHash = letterHash,
            DecisionAnswers = answers.ToList(),
            Stage = plan.Stage,
        };
        PublishedStatus.Set(context, view);
        return view;
    }

    private void Replace<T>(List<T> list, Func<T, bool> match, Func<T, T> change)
    {
        var index = list.FindIndex(x => match(x));
        if (index >= 0) list[index] = change(list[index]);
    }
}
