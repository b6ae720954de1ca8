using Approvals.Stewardship;

namespace Approvals.Functions.Http;

/// <summary>The JSON shapes of the steward plans (项目管家 · 预警), with every time shown in +08:00.</summary>
public static class StewardResponses
{
    private static DateTimeOffset Local(DateTimeOffset t) => ApplicationResponses.Local(t);

    private static DateTimeOffset? Local(DateTimeOffset? t) => t is { } v ? Local(v) : null;

    private static object Warning(NodeWarning w) => new { level = w.Level, to = w.To, at = Local(w.At), daysLate = w.DaysLate };

    /// <summary>The plan (GET /api/projects/{code}/plan).</summary>
    public static object Plan(StewardPlanView v) => new
    {
        projectCode = v.ProjectCode,
        uscc = v.Uscc,
        projectName = v.ProjectName,
        steward = new { name = v.Steward, phone = v.StewardPhone },
        leadDepartment = v.LeadDepartment,
        status = v.Status,
        plannedAt = Local(v.PlannedAt),
        revision = v.Revision,
        nodes = v.Nodes.Select(n => new
        {
            key = n.Key,
            name = n.Name,
            kind = n.Kind,
            owner = n.Owner,
            plannedOn = n.PlannedOn,
            firstPlannedOn = n.FirstPlannedOn,
            state = n.State,
            doneOn = n.DoneOn,
            late = n.Late,
            leadWarningAt = Local(n.LeadWarningAt),
            warnings = n.Warnings.Select(Warning),
            cause = n.Cause,
            action = n.Action,
        }),
        ratings = v.Ratings.Select(r => new { score = r.Score, comment = r.Comment, at = Local(r.At) }),
        timeline = v.Timeline.Select(e => new { at = Local(e.At), @event = e.Event }),
    };

    /// <summary>One line of the supervisor's warnings.</summary>
    public static object Line(OpenWarning w) => new
    {
        projectCode = w.ProjectCode,
        projectName = w.ProjectName,
        steward = w.Steward,
        node = w.Node.Key,
        nodeName = w.Node.Name,
        kind = w.Node.Kind,
        owner = w.Node.Owner,
        plannedOn = w.Node.PlannedOn,
        firstPlannedOn = w.Node.FirstPlannedOn,
        daysLate = w.DaysLate,
        level = w.Latest.Level,
        warnedAt = Local(w.Latest.At),
        warnedTo = w.Latest.To,
        cause = w.Node.Cause,
        action = w.Node.Action,
    };
}
