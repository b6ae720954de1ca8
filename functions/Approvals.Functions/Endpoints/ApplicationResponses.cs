using Approvals.Applications;

namespace Approvals.Functions.Endpoints;

/// <summary>The JSON shapes of api.md, with every time shown in +08:00.</summary>
public static class ApplicationResponses
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    public static DateTimeOffset Local(DateTimeOffset t) => t.ToOffset(Shanghai);

    public static object Status(ApplicationStatusView v, int workingDaysUsed) => new
    {
        applicationId = v.ApplicationId,
        procedure = v.Procedure,
        status = v.Status,
        riskLevel = v.RiskLevel,
        projectCode = v.ProjectCode,
        acceptedAt = Local(v.AcceptedAt),
        tasks = v.Tasks.Select(t => new { department = t.Department, item = t.Item, state = t.State, dueAt = Local(t.DueAt), provisional = t.Provisional, light = t.Light, opinion = t.Opinion, round = t.Round }),
        notices = v.Notices.Select(n => new
        {
            kind = n.Kind,
            issuedAt = Local(n.IssuedAt),
            answerBy = Local(n.AnswerBy),
            corrections = n.Corrections.Select(c => new { department = c.Department, item = c.Item, text = c.Text }),
        }),
        certificates = v.Certificates.Select(c => new { number = c.Number, item = c.Item, status = c.Status, verifyUrl = c.VerifyUrl }),
        commitments = v.Commitments.Select(c => new
        {
            id = c.Id,
            materialCode = c.MaterialCode,
            @class = c.Class,
            items = c.Items,
            dueAt = c.DueAt is { } due ? Local(due) : (DateTimeOffset?)null,
            provisional = c.Provisional,
            sampled = c.Sampled,
            status = c.Status,
            verifyingDepartment = c.VerifyingDepartment,
            light = c.Light,
        }),
        clock = new
        {
            workingDaysUsed,
            paused = v.Clock.Paused.Select(p => new { from = Local(p.From), to = p.To is { } to ? Local(to) : (DateTimeOffset?)null, reason = p.Reason }),
        },
        timeline = v.Timeline.Select(e => new { at = Local(e.At), @event = e.Event }),
        commitmentLetterSha256 = v.CommitmentLetterHash,
    };
}
