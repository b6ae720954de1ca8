using Approvals.Applications;
using Approvals.BusinessOpenings;

namespace Approvals.Functions.Http;

/// <summary>The JSON shapes of the business openings (开户即开业), with every time shown in +08:00.</summary>
public static class BusinessOpeningResponses
{
    private static DateTimeOffset Local(DateTimeOffset t) => ApplicationResponses.Local(t);

    private static DateTimeOffset? Local(DateTimeOffset? t) => t is { } v ? Local(v) : null;

    private static object? Certificate(CertificateView? c) => c is null ? null : new { number = c.Number, item = c.Item, status = c.Status, verifyUrl = c.VerifyUrl };

    /// <summary>The full status (GET /api/business-openings/{id}).</summary>
    public static object Status(BusinessOpeningStatusView v) => new
    {
        caseId = v.CaseId,
        applicationNumber = v.CaseId,
        status = v.Status,
        companyName = v.CompanyName,
        founderName = v.FounderName,
        businessScope = v.BusinessScope,
        uscc = v.Uscc,
        submittedAt = Local(v.SubmittedAt),
        issuedAt = Local(v.IssuedAt),
        light = v.Light,
        licence = v.Licence is null ? null : new
        {
            number = v.Licence.Number,
            item = v.Licence.Item,
            department = v.LicenceDepartment,
            status = v.Licence.Status,
            issuedAt = Local(v.IssuedAt),
            verifyUrl = v.Licence.VerifyUrl,
        },
        items = v.Items.Select(Item),
        closedAt = Local(v.ClosedAt),
        timeline = v.Timeline.Select(e => new { at = Local(e.At), @event = e.Event }),
    };

    private static object Item(InstantItemView i) => new
    {
        code = i.Code,
        name = i.Name,
        permit = i.Permit,
        route = i.Route,
        department = i.Department,
        departmentName = i.DepartmentName,
        commitment = i.Commitment.Length > 0 ? i.Commitment : null,
        certificate = Certificate(i.Certificate),
        issuedAt = Local(i.IssuedAt),
        postCheck = new
        {
            kind = i.PostCheckKind,
            status = i.PostCheckStatus,
            workingDays = i.PostCheckWorkingDays,
            dueAt = Local(i.DueAt),
            provisional = i.Provisional,
            light = i.Light,
            finding = i.Finding,
            inspector = i.Inspector,
            checkedAt = Local(i.CheckedAt),
            late = i.Late,
        },
    };

    /// <summary>One line of a list (the founder's cases, the supervisor's open cases).</summary>
    public static object Line(BusinessOpeningStatusView v) => new
    {
        caseId = v.CaseId,
        companyName = v.CompanyName,
        uscc = v.Uscc,
        status = v.Status,
        submittedAt = Local(v.SubmittedAt),
        issuedAt = Local(v.IssuedAt),
        light = v.Light,
        postChecks = v.Items.Select(i => new
        {
            item = i.Code,
            department = i.Department,
            status = i.PostCheckStatus,
            dueAt = Local(i.DueAt),
            light = i.Light,
        }),
    };

    /// <summary>The public list of instant items (GET /api/catalog/instant-items).</summary>
    public static object Catalog(BusinessOpeningPolicy policy) => new
    {
        source = policy.Source,
        licence = new { code = policy.Licence.Code, name = policy.Licence.Name, nameEn = policy.Licence.NameEn, department = policy.Licence.Department },
        defaultPostCheckWorkingDays = policy.DefaultPostCheckWorkingDays,
        defaultPostCheckSource = policy.Sources.GetValueOrDefault("defaultPostCheckWorkingDays"),
        items = policy.Items.Select(i => new
        {
            code = i.Code,
            name = i.Name,
            nameEn = i.NameEn,
            permit = i.Permit,
            permitEn = i.PermitEn,
            route = i.Route,
            siteInspection = !i.IsFiling,
            postCheckKind = i.PostCheckKind,
            postCheckWorkingDays = policy.PostCheckWorkingDays(i),
            department = i.Department,
            departmentName = policy.Department(i.Department)?.Name,
            commitment = i.Commitment.Length > 0 ? i.Commitment : null,
            source = i.Source,
        }),
    };
}
