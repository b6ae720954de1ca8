using Approvals.Utilities;

namespace Approvals.Functions.Http;

/// <summary>The JSON shapes of the utilities joint application (联合报装), with every time shown in +08:00.</summary>
public static class UtilityResponses
{
    private static DateTimeOffset Local(DateTimeOffset t) => ApplicationResponses.Local(t);

    private static DateTimeOffset? Local(DateTimeOffset? t) => t is { } v ? Local(v) : null;

    /// <summary>The full status (GET /api/utilities/applications/{id}).</summary>
    public static object Status(UtilityStatusView v) => new
    {
        caseId = v.CaseId,
        uscc = v.Uscc,
        projectCode = v.ProjectCode,
        projectName = v.ProjectName,
        window = new { code = v.Window.Code, name = v.Window.Name, nameEn = v.Window.NameEn },
        plannedStartOn = v.PlannedStartOn,
        status = v.Status,
        submittedAt = Local(v.SubmittedAt),
        completedAt = Local(v.CompletedAt),
        doneBeforeStart = v.DoneBeforeStart,
        connectionRequestedAt = Local(v.ConnectionRequestedAt),
        acceptanceCertificate = v.AcceptanceCertificate,
        connectedAt = Local(v.ConnectedAt),
        jointSurvey = new { lead = v.JointSurveyLead.Code, leadName = v.JointSurveyLead.Name, attendees = v.SurveyAttendees },
        tracks = v.Tracks.Select(Track),
        timeline = v.Timeline.Select(e => new { at = Local(e.At), @event = e.Event }),
    };

    public static object Track(UtilityTrackView t) => new
    {
        utility = t.Utility,
        name = t.Name,
        nameEn = t.NameEn,
        matters = t.Matters.Select(m => new { code = m.Code, name = m.Name, nameEn = m.NameEn }),
        quantity = t.Quantity,
        quantityUnit = t.QuantityUnit,
        step = t.Step,
        forwardedAt = Local(t.ForwardedAt),
        awaiting = t.Awaiting,
        dueAt = Local(t.DueAt),
        provisional = t.Provisional,
        light = t.Light,
        surveyedAt = Local(t.SurveyedAt),
        completeAt = Local(t.CompleteAt),
        connectedAt = Local(t.ConnectedAt),
        feeStandard = t.FeeStandard,
        fee = t.Fee,
        lateSteps = t.LateSteps,
        escalations = t.Escalations,
    };

    /// <summary>One case in a list: the case and its lights per utility.</summary>
    public static object Line(UtilityStatusView v) => new
    {
        caseId = v.CaseId,
        uscc = v.Uscc,
        projectCode = v.ProjectCode,
        projectName = v.ProjectName,
        status = v.Status,
        submittedAt = Local(v.SubmittedAt),
        red = v.Tracks.Count(t => t.Light == "red"),
        yellow = v.Tracks.Count(t => t.Light == "yellow"),
        tracks = v.Tracks.Select(t => new { utility = t.Utility, step = t.Step, awaiting = t.Awaiting, dueAt = Local(t.DueAt), light = t.Light }),
    };
}
