using Approvals.DirectService;

namespace Approvals.Functions.Http;

/// <summary>The JSON shapes of the direct train (审批服务直通车), with every time shown in +08:00.</summary>
public static class DirectServiceResponses
{
    private static DateTimeOffset Local(DateTimeOffset t) => ApplicationResponses.Local(t);

    private static DateTimeOffset? Local(DateTimeOffset? t) => t is { } v ? Local(v) : null;

    /// <summary>The full status (GET /api/direct-service/bookings/{id}).</summary>
    public static object Status(BookingStatusView v) => new
    {
        bookingId = v.BookingId,
        uscc = v.Uscc,
        enterpriseName = v.EnterpriseName,
        projectCode = v.ProjectCode,
        projectName = v.ProjectName,
        keyLevel = v.KeyLevel,
        channel = v.Channel,
        bookedBy = v.BookedBy,
        holdsLand = v.HoldsLand,
        urgent = v.Urgent,
        status = v.Status,
        bookedAt = Local(v.BookedAt),
        firstContact = new
        {
            dueAt = Local(v.ContactDueAt),
            provisional = v.ContactDueProvisional,
            light = v.ContactLight,
            contactedAt = Local(v.ContactedAt),
            late = v.ContactLate,
            contactedBy = v.ContactedBy,
        },
        team = v.Team,
        items = v.Items.Select(i => new
        {
            code = i.Code,
            name = i.Name,
            nameEn = i.NameEn,
            department = i.Department,
            onSiteAcceptance = i.OnSiteAcceptance,
            onSiteApproval = i.OnSiteApproval,
            state = i.State,
            acceptedAt = Local(i.AcceptedAt),
            decidedAt = Local(i.DecidedAt),
            authority = i.Authority,
            certificate = i.Certificate,
            toHallReason = i.ToHallReason,
            missingKeyDocuments = i.MissingKeyDocuments,
            supplyDueAt = Local(i.SupplyDueAt),
            suppliedAt = Local(i.SuppliedAt),
        }),
        visits = v.Visits.Select(x => new
        {
            number = x.Number,
            at = Local(x.At),
            recordedBy = x.RecordedBy,
            accepted = x.Accepted,
            approved = x.Approved,
            toHall = x.ToHall,
            gapAccepted = x.GapAccepted,
            ticked = x.Ticked,
            note = x.Note,
        }),
        plan = v.Plan.Select(n => new { key = n.Key, name = n.Name, plannedOn = n.PlannedOn, tickedOn = n.TickedOn, late = n.Late }),
        escalations = v.Escalations,
        timeline = v.Timeline.Select(e => new { at = Local(e.At), @event = e.Event }),
    };

    /// <summary>One booking in a list.</summary>
    public static object Line(BookingStatusView v) => new
    {
        bookingId = v.BookingId,
        uscc = v.Uscc,
        projectCode = v.ProjectCode,
        projectName = v.ProjectName,
        keyLevel = v.KeyLevel.Code,
        status = v.Status,
        bookedAt = Local(v.BookedAt),
        contactDueAt = Local(v.ContactDueAt),
        contactLight = v.ContactLight,
        team = v.Team?.Code,
        openItems = v.Items.Count(i => !i.Settled),
        supplyDue = v.Items.Where(i => i.State == "gap-accepted").Select(i => new { item = i.Code, dueAt = Local(i.SupplyDueAt) }),
        nodesTicked = v.Plan.Count(n => n.TickedOn is not null),
        nodes = v.Plan.Count,
    };
}
