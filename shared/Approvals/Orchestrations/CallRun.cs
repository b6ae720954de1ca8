using Approvals.Activities;
using Approvals.Applications;
using Approvals.Calls;
using Microsoft.DurableTask;

namespace Approvals.Orchestrations;

/// <summary>
/// The state of one call while its orchestration runs, published as the custom status after every change.
/// Deterministic: time only from the context, working days only from the ComputeDeadline activity.
/// </summary>
internal sealed partial class CallRun(TaskOrchestrationContext context, CallPlan plan)
{
    private static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromSeconds(30), 2.0, TimeSpan.FromMinutes(30)));

    private readonly List<AssignmentSlip> slips = [];
    private readonly List<EscalationView> escalations = [];
    private readonly List<ExplanationView> explanations = [];
    private readonly List<CallAnswerView> answers = [];
    private readonly List<CallRatingView> ratings = [];
    private readonly List<TimelineEntry> timeline = [];
    private string status = "registered";
    private string? light;
    private DateTimeOffset? rateBy;
    private DateTimeOffset? closedAt;
    private string? closedHow;

    private DateTimeOffset Now => new(context.CurrentUtcDateTime, TimeSpan.Zero);

    private AssignmentSlip Slip => slips.Count > 0 ? slips[^1] : plan.Slip;

    public async Task<CallStatusView> ExecuteAsync()
    {
        Record($"挂号 / registered: {plan.Title}; 承办单位 / unit {plan.Slip.Unit} {plan.Slip.UnitName} ({ChosenBy})");
        Publish();
        if (plan.MajorUrgent) await ToDistrictLeadersAsync();

        var slip = plan.Slip;
        while (true)
        {
            await AssignAsync(slip);
            await AnswerAsync(slip);
            var rating = await RatingAsync(slip.Round);
            if (rating is null)
            {
                Close("rating-period-ended", $"销号 / closed: 企业未在 {Local(rateBy!.Value):yyyy-MM-dd HH:mm} 前评价，答复有效 / not rated in time, the answer stands");
                break;
            }
            ratings.Add(new CallRatingView(slip.Round, rating.Rating, rating.Comment, rating.At));
            if (rating.Rating == "satisfied")
            {
                Close("rated-satisfied", "销号 / closed: 企业满意 / the enterprise is satisfied with the answer");
                break;
            }
            Record($"重新办理 / reopened: 企业不满意 / the enterprise is not satisfied{(rating.Comment is { Length: > 0 } c ? $" ({c})" : "")}");
            var deadline = await context.CallActivityAsync<Deadline>(ActivityNames.ComputeDeadline, new DeadlineRequest(Now, slip.WorkingDays), Retry);
            slip = slip with { Round = slip.Round + 1, IssuedAt = Now, DueAt = deadline.DueAt, YellowAt = deadline.YellowAt, Provisional = deadline.Provisional };
        }
        return Publish();
    }

    private string ChosenBy => plan.UnitChosenBy switch
    {
        "enterprise" => "企业选择 / picked by the enterprise",
        "topic" => $"按问题类别 {plan.Topic} 分派 / given by topic {plan.Topic}",
        _ => "默认承办单位 / the default unit",
    };

    /// <summary>A major urgent problem (重大紧急问题) goes at once to the district leaders, filed with the commissioners' office.</summary>
    private async Task ToDistrictLeadersAsync()
    {
        var leaders = plan.DistrictLeaders;
        await context.CallActivityAsync<bool>(ActivityNames.Escalate, new Notification(plan.CallId, leaders.Code, "call-major-urgent",
            $"重大紧急问题 / major urgent call {plan.CallId} of {plan.EnterpriseName ?? plan.Uscc}: {plan.Title}; 承办 / unit {plan.Slip.Unit}, " +
            $"时限 / due {Local(plan.Slip.DueAt):yyyy-MM-dd HH:mm}", $"{plan.CallId}/major-urgent/{leaders.Code}"), Retry);
        await context.CallActivityAsync<bool>(ActivityNames.Escalate, new Notification(plan.CallId, plan.CommissionerOffice.Code, "call-filing",
            $"备案 / filed: major urgent call {plan.CallId}: {plan.Title}", $"{plan.CallId}/major-urgent/{plan.CommissionerOffice.Code}"), Retry);
        escalations.Add(new EscalationView(Now, leaders.Code, leaders.Name, "重大紧急问题，第一时间直报 / major urgent: reported at once", 1));
        Record($"直通车 / straight to {leaders.Name} ({leaders.NameEn}); 已报 {plan.CommissionerOffice.Name} 备案 / filed with the {plan.CommissionerOffice.NameEn}");
        Publish();
    }

    /// <summary>The slip is sent to the unit, then the call shows as assigned.</summary>
    private async Task AssignAsync(AssignmentSlip slip)
    {
        await context.CallActivityAsync<bool>(ActivityNames.SendReviewRequest, new Notification(plan.CallId, slip.Unit, "call-assigned",
            $"交办单 / assignment slip {plan.CallId} r{slip.Round}: {plan.Title}; 责任人 / responsible {slip.Person}; 时限 / due {Local(slip.DueAt):yyyy-MM-dd HH:mm}",
            $"{plan.CallId}/{slip.Unit}/round-{slip.Round}"), Retry);
        slips.Add(slip);
        status = "assigned";
        light = LightOf(slip);
        Record($"交办 / assigned (第 {slip.Round} 轮 / round {slip.Round}): {slip.Unit} {slip.UnitName}, 责任人 / responsible {slip.Person}, " +
            $"时限 / due {Local(slip.DueAt):yyyy-MM-dd HH:mm} ({slip.WorkingDays} 个工作日 / working days{(slip.Provisional ? ", provisional" : "")})");
        Publish();
    }

    private void Close(string how, string text)
    {
        status = "closed";
        closedAt = Now;
        closedHow = how;
        rateBy = null;
        Record(text);
    }

    private string LightOf(AssignmentSlip slip) => LitWait.LightAt(Now, new Deadline(slip.DueAt, slip.YellowAt, slip.Provisional));

    private static DateTimeOffset Local(DateTimeOffset instant) => instant.ToOffset(TimeSpan.FromHours(8));

    private void Record(string text) => timeline.Add(new TimelineEntry(Now, text));

    private CallStatusView Publish()
    {
        var view = new CallStatusView
        {
            CallId = plan.CallId,
            Uscc = plan.Uscc,
            EnterpriseName = plan.EnterpriseName,
            Title = plan.Title,
            Description = plan.Description,
            Topic = plan.Topic,
            MajorUrgent = plan.MajorUrgent,
            Status = status,
            Unit = Slip.Unit,
            UnitName = Slip.UnitName,
            UnitChosenBy = plan.UnitChosenBy,
            Round = Slip.Round,
            DueAt = status is "assigned" or "escalated" or "registered" ? Slip.DueAt : null,
            Provisional = Slip.Provisional,
            Light = status is "assigned" or "escalated" ? light : null,
            RateBy = status == "answered" ? rateBy : null,
            RegisteredAt = plan.RegisteredAt,
            ClosedAt = closedAt,
            ClosedHow = closedHow,
            Slips = slips.ToList(),
            Escalations = escalations.ToList(),
            Explanations = explanations.ToList(),
            Answers = answers.ToList(),
            Ratings = ratings.ToList(),
            Timeline = timeline.ToList(),
        };
        PublishedStatus.Set(context, view);
        return view;
    }
}
