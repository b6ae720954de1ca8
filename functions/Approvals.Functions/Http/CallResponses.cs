using Approvals.Calls;

namespace Approvals.Functions.Http;

/// <summary>The JSON shapes of the calls (呼叫即回应), with every time shown in +08:00.</summary>
public static class CallResponses
{
    private static DateTimeOffset Local(DateTimeOffset t) => ApplicationResponses.Local(t);

    private static DateTimeOffset? Local(DateTimeOffset? t) => t is { } v ? Local(v) : null;

    /// <summary>The full status (GET /api/calls/{id}).</summary>
    public static object Status(CallStatusView v) => new
    {
        callId = v.CallId,
        uscc = v.Uscc,
        enterpriseName = v.EnterpriseName,
        title = v.Title,
        description = v.Description,
        topic = v.Topic,
        majorUrgent = v.MajorUrgent,
        status = v.Status,
        unit = v.Unit,
        unitName = v.UnitName,
        unitChosenBy = v.UnitChosenBy,
        round = v.Round,
        dueAt = Local(v.DueAt),
        provisional = v.Provisional,
        light = v.Light,
        rateBy = Local(v.RateBy),
        registeredAt = Local(v.RegisteredAt),
        closedAt = Local(v.ClosedAt),
        closedHow = v.ClosedHow,
        slips = v.Slips.Select(s => new
        {
            round = s.Round,
            unit = s.Unit,
            unitName = s.UnitName,
            person = s.Person,
            issuedAt = Local(s.IssuedAt),
            workingDays = s.WorkingDays,
            dueAt = Local(s.DueAt),
            provisional = s.Provisional,
        }),
        escalations = v.Escalations.Select(e => new { at = Local(e.At), to = e.To, toName = e.ToName, reason = e.Reason, round = e.Round }),
        explanations = v.Explanations.Select(e => new { at = Local(e.At), text = e.Text, round = e.Round }),
        answers = v.Answers.Select(a => new { round = a.Round, unit = a.Unit, outcome = a.Outcome, text = a.Text, answeredBy = a.AnsweredBy, answeredAt = Local(a.AnsweredAt), late = a.Late }),
        ratings = v.Ratings.Select(r => new { round = r.Round, rating = r.Rating, comment = r.Comment, at = Local(r.At) }),
        timeline = v.Timeline.Select(e => new { at = Local(e.At), @event = e.Event }),
        timelineOmitted = v.TimelineOmitted,
        roundsOmitted = v.RoundsOmitted,
    };

    /// <summary>One line of a list (a unit's calls, an enterprise's calls, the supervisor's board).</summary>
    public static object Line(CallStatusView v) => new
    {
        callId = v.CallId,
        uscc = v.Uscc,
        enterpriseName = v.EnterpriseName,
        title = v.Title,
        majorUrgent = v.MajorUrgent,
        status = v.Status,
        unit = v.Unit,
        round = v.Round,
        person = v.Slips.LastOrDefault()?.Person,
        dueAt = Local(v.DueAt),
        provisional = v.Provisional,
        light = v.Light,
        escalatedTo = v.Escalations.Where(e => e.Round == v.Round).Select(e => e.To),
        rateBy = Local(v.RateBy),
        registeredAt = Local(v.RegisteredAt),
    };
}
