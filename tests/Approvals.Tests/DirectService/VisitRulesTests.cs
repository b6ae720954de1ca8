using Approvals.Catalog;
using Approvals.DirectService;

namespace Approvals.Tests.DirectService;

public sealed class VisitRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 9, 29, 10, 0, 0, TimeSpan.FromHours(8));

    private static BookingStatusView Booking(string status = "contacted", bool holdsLand = true, bool urgent = true, params BookedItemView[] items) => new()
    {
        BookingId = "DS-1",
        Uscc = "91350100M000100Y43",
        ProjectCode = "2609-350102-04-01-123456",
        ProjectName = "园区",
        KeyLevel = new("city", "市重点项目", null),
        Channel = new("portal", "网上预约", null),
        BookedBy = "applicant",
        HoldsLand = holdsLand,
        Urgent = urgent,
        Status = status,
        BookedAt = Now.AddDays(-1),
        ContactDueAt = Now,
        Items = items.Length > 0 ? items : [Item("CP-PERMIT", "HUD", true, true), Item("CP-EIA", "ECO", true, false)],
        Plan = [new PlanNodeView("permit", "施工许可", new DateOnly(2026, 10, 30), null, false)],
    };

    private static BookedItemView Item(string code, string department, bool acceptance, bool approval, string state = "booked") =>
        new() { Code = code, Name = code, NameEn = code, Department = department, OnSiteAcceptance = acceptance, OnSiteApproval = approval, State = state };

    private static VisitCheck Check(BookingStatusView booking, VisitRequest request) =>
        VisitRules.Check(booking, request, DirectServicePolicy.Embedded, ItemCatalog.Embedded, "team", Now);

    [Fact]
    public void Accepting_and_approving_on_site_records_the_departments_authority()
    {
        var check = Check(Booking(), new VisitRequest(["CP-PERMIT"], ["CP-PERMIT"], null, null, ["permit"], null));
        var record = Assert.IsType<VisitRecord>(check.Record);
        var approval = Assert.Single(record.Approved);
        Assert.Equal("HUD", approval.Authority.Department);
        Assert.Contains("首席审批员", approval.Authority.ChiefApprover);
        Assert.Equal(["permit"], record.Ticked);
    }

    [Fact]
    public void An_item_off_the_approval_list_or_not_yet_accepted_is_not_approved_on_site()
    {
        Assert.True(Check(Booking(), new VisitRequest(null, ["CP-EIA"], null, null, null, null)).Errors.ContainsKey("approved[0]"));
        Assert.Contains("must be accepted", Check(Booking(), new VisitRequest(null, ["CP-PERMIT"], null, null, null, null)).Conflict);
    }

    [Fact]
    public void Extreme_gap_needs_land_and_urgency_and_only_key_documents_may_be_missing()
    {
        var gap = new GapAcceptanceRequest("CP-PERMIT", ["PLANNING-PERMIT"]);
        Assert.NotNull(Check(Booking(), new VisitRequest(null, null, null, [gap], null, null)).Record);
        Assert.Contains("extreme gap", Check(Booking(holdsLand: false), new VisitRequest(null, null, null, [gap], null, null)).Conflict);
        Assert.Contains("extreme gap", Check(Booking(urgent: false), new VisitRequest(null, null, null, [gap], null, null)).Conflict);
        var secondary = Check(Booking(), new VisitRequest(null, null, null, [new GapAcceptanceRequest("CP-PERMIT", ["FUNDS-PROOF"])], null, null));
        Assert.Contains("not a key document", secondary.Errors["gapAccepted[0].missingKeyDocuments"].Single());
    }

    [Fact]
    public void No_visit_before_first_contact_nothing_twice_and_an_empty_visit_is_refused()
    {
        Assert.Contains("first contact", Check(Booking(status: "booked"), new VisitRequest(["CP-PERMIT"], null, null, null, null, null)).Conflict);
        var twice = Check(Booking(), new VisitRequest(["CP-PERMIT"], ["CP-PERMIT"], [new HallReferralRequest("CP-PERMIT", "回大厅")], null, null, null));
        Assert.True(twice.Errors.ContainsKey("toHall[0].item"));
        Assert.True(Check(Booking(), new VisitRequest(null, null, null, null, null, null)).Errors.ContainsKey("visit"));
        var settled = Booking(items: [Item("CP-PERMIT", "HUD", true, true, "to-hall")]);
        Assert.Contains("settled", Check(settled, new VisitRequest(["CP-PERMIT"], null, null, null, null, null)).Conflict);
    }
}
