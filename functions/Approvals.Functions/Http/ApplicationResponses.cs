using Approvals.Applications;

namespace Approvals.Functions.Http;

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
        stage = v.Stage is { } stage
            ? new { code = stage.Code, order = stage.Order, of = stage.Of, name = stage.Name, nameEn = stage.NameEn, contractor = new { uscc = stage.ContractorUscc, name = stage.ContractorName } }
            : null,
        steps = v.Steps.Select(st => new
        {
            name = st.Name,
            state = st.State,
            dueAt = Local(st.DueAt),
            provisional = st.Provisional,
            light = st.Light,
            completedAt = st.CompletedAt is { } done ? Local(done) : (DateTimeOffset?)null,
            round = st.Round,
        }),
        siteInspection = v.SiteInspection is { } site
            ? new
            {
                appointmentAt = Local(site.AppointmentAt),
                departments = site.Departments,
                findings = site.Findings.Select(f => new { department = f.Department, findings = f.Findings, at = Local(f.At), round = f.Round }),
            }
            : null,
        acceptanceOpinion = v.AcceptanceOpinion is { } opinion
            ? new
            {
                issuedAt = Local(opinion.IssuedAt),
                round = opinion.Round,
                result = opinion.Result,
                reason = opinion.Reason,
                opinions = opinion.Opinions.Select(o => new { department = o.Department, item = o.Item, result = o.Result, opinion = o.Opinion, rectifications = o.Rectifications, round = o.Round }),
            }
            : null,
        rectifications = v.Rectifications.Select(r => new
        {
            department = r.Department,
            item = r.Item,
            text = r.Text,
            issuedAt = Local(r.IssuedAt),
            answerBy = Local(r.AnswerBy),
            state = r.State,
            round = r.Round,
        }),
        jointAcceptance = v.JointAcceptance is { } ja
            ? new
            {
                stages = ja.Stages,
                unit = ja.Unit,
                timePlan = ja.TimePlan,
                totalWorkingDays = ja.TotalWorkingDays,
                dueAt = Local(ja.DueAt),
                provisional = ja.Provisional,
                archiveCertificateNumber = ja.ArchiveCertificateNumber,
                registrationCertificateNumber = ja.RegistrationCertificateNumber,
                reason = ja.Reason,
                earlierCommitments = ja.EarlierCommitments.Select(c => new
                {
                    applicationId = c.ApplicationId,
                    commitmentId = c.CommitmentId,
                    materialCode = c.MaterialCode,
                    items = c.Items,
                    status = c.Status,
                    dueAt = c.DueAt is { } due ? Local(due) : (DateTimeOffset?)null,
                }),
            }
            : null,
    };
}
