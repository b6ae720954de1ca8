using Approvals.Activities;
using Approvals.Applications;
using Approvals.Utilities;
using Microsoft.DurableTask;
using static Approvals.Calendar.ShanghaiTime;

namespace Approvals.Orchestrations;

/// <summary>
/// The state of one utilities joint application while it runs, published as the custom status after every change.
/// Deterministic: time only from the context, working days only from the ComputeDeadline activity.
/// </summary>
internal sealed partial class UtilitiesRun(TaskOrchestrationContext context, UtilityPlan plan)
{
    private static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromSeconds(30), 2.0, TimeSpan.FromMinutes(30)));

    private readonly List<Track> tracks = plan.Tracks.Select(t => new Track(t)).ToList();
    private readonly List<TimelineEntry> timeline = [];
    private readonly List<string> attendees = [];
    private string status = "forwarded";
    private DateTimeOffset? completedAt;
    private bool? doneBeforeStart;
    private ConnectionRequest? connection;
    private DateTimeOffset? connectedAt;

    private DateTimeOffset Now => new(context.CurrentUtcDateTime, TimeSpan.Zero);

    public async Task<UtilityStatusView> ExecuteAsync()
    {
        Record($"受理 / accepted at {plan.Window.Name}: {plan.ProjectName} ({plan.ProjectCode}), " +
            $"{string.Join("、", plan.Tracks.Select(t => $"{t.Name} {t.Quantity} {t.QuantityUnit}"))}");
        // One wait for the applicant's connection request, shared by every track.
        var connectionRequested = context.WaitForExternalEvent<ConnectionRequest>(UtilitySignals.ConnectionRequested);
        await ForwardAsync();
        await Task.WhenAll([.. tracks.Select(t => RunTrackAsync(t, connectionRequested)), RecordConnectionAsync(connectionRequested)]);
        status = "connected";
        connectedAt = Now;
        Record("全部接入 / every utility connected");
        return Publish();
    }

    /// <summary>Staff forward the one form to every utility concerned at once (一窗受理、内部流转).</summary>
    private async Task ForwardAsync()
    {
        await Task.WhenAll(tracks.Select(t => context.CallActivityAsync<bool>(ActivityNames.SendReviewRequest, new Notification(plan.CaseId, t.Plan.Utility,
            "utility-forwarded", $"联合报装 / joint application {plan.CaseId}: {plan.ProjectName} ({plan.ProjectCode}) {t.Plan.Quantity} {t.Plan.QuantityUnit}; " +
            $"请参加{plan.JointSurvey.Name}组织的联合踏勘 / join the joint site survey led by the {plan.JointSurvey.NameEn}",
            $"{plan.CaseId}/{t.Plan.Utility}/forwarded"), Retry)));
        foreach (var track in tracks) track.ForwardedAt = Now;
        Record($"转办 / forwarded to {string.Join(", ", tracks.Select(t => t.Plan.Utility))}; 联合踏勘 / joint survey led by {plan.JointSurvey.Name}");
        Publish();
    }

    private async Task RunTrackAsync(Track track, Task<ConnectionRequest> connectionRequested)
    {
        await StepAsync(track, UtilitySignals.Surveyed, track.Plan.SurveyWorkingDays);
        await StepAsync(track, UtilitySignals.Complete, track.Plan.CompleteWorkingDays);
        if (tracks.All(t => t.CompleteAt is not null)) MarkComplete();
        Publish();
        await connectionRequested;
        await StepAsync(track, UtilitySignals.Connected, track.Plan.ConnectWorkingDays);
    }

    /// <summary>The applicant's connection request, recorded the moment it comes, whatever step each utility is at.</summary>
    private async Task RecordConnectionAsync(Task<ConnectionRequest> connectionRequested)
    {
        connection = await connectionRequested;
        status = "connecting";
        Record($"申请接入 / connection asked for, completion acceptance {connection.AcceptanceCertificate}");
        Publish();
    }

    /// <summary>SD 20: the joint application is done when the last utility has it complete, and it should be before construction starts.</summary>
    private void MarkComplete()
    {
        completedAt = Now;
        if (status == "forwarded") status = "complete";
        var day = Approvals.Calendar.WorkingDayCalendar.ShanghaiDate(Now);
        doneBeforeStart = plan.PlannedStartOn is { } start ? day <= start : null;
        Record("联合报装办结 / the joint application is complete with every utility" + doneBeforeStart switch
        {
            true => $"，早于计划开工 {plan.PlannedStartOn:yyyy-MM-dd} / before the planned start",
            false => $"，晚于计划开工 {plan.PlannedStartOn:yyyy-MM-dd} / after the planned start (SD 20 asks for it before)",
            null => "",
        });
    }

    private void Record(string text) => timeline.Add(new TimelineEntry(Now, text));

    private UtilityStatusView Publish()
    {
        var view = new UtilityStatusView
        {
            CaseId = plan.CaseId,
            Uscc = plan.Uscc,
            ProjectCode = plan.ProjectCode,
            ProjectName = plan.ProjectName,
            Window = plan.Window,
            PlannedStartOn = plan.PlannedStartOn,
            Status = status,
            SubmittedAt = plan.SubmittedAt,
            CompletedAt = completedAt,
            DoneBeforeStart = doneBeforeStart,
            ConnectionRequestedAt = connection?.At,
            AcceptanceCertificate = connection?.AcceptanceCertificate,
            ConnectedAt = connectedAt,
            JointSurveyLead = plan.JointSurvey,
            SurveyAttendees = attendees.ToList(),
            Tracks = tracks.Select(t => t.View()).ToList(),
            Timeline = timeline.ToList(),
        };
        PublishedStatus.Set(context, view);
        return view;
    }
}
