using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Approvals.Functions.Tests.Infrastructure;

namespace Approvals.Functions.Tests.DirectService;

/// <summary>
/// 审批服务直通车 through the HTTP API on the virtual clock (Monday 2026-09-28 09:00 Shanghai, the week before National
/// Day): first contact against its limit, the team, on-site acceptance and approval under the department's authority,
/// items back to the hall, extreme gap acceptance kept or broken, and the service plan ticked off.
/// </summary>
public sealed class DirectServiceScenarioTests : IDisposable
{
    private readonly AppFactory app = new();
    private PortalDriver Portal => app.Driver;
    private DirectServiceDriver Train => new(app.Driver);

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task A_booking_contacted_late_turns_red_escalates_to_the_centre_and_is_still_contacted_with_a_team()
    {
        var id = await Train.BookOkAsync(DirectServiceDriver.Booking(), "ds-late");
        Assert.Equal(id, (await (await Train.BookAsync(DirectServiceDriver.Booking(), "ds-late")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("bookingId").GetString());
        var booked = await Train.WaitAsync(id, s => s.GetProperty("status").GetString() == "booked");
        var contact = booked.GetProperty("firstContact");
        // One working day from Monday 09:00: the end of Tuesday 29 September.
        Assert.Equal(new DateTimeOffset(2026, 9, 30, 0, 0, 0, TimeSpan.FromHours(8)), contact.GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal("green", contact.GetProperty("light").GetString());
        Assert.True(DirectServiceDriver.Item(booked, "CP-WASTE").GetProperty("onSiteApproval").GetBoolean());
        Assert.False(DirectServiceDriver.Item(booked, "CP-EIA").GetProperty("onSiteApproval").GetBoolean());

        Assert.Equal(HttpStatusCode.OK, (await Portal.AdvanceAsync(2)).StatusCode);
        var red = await Train.WaitAsync(id, s => s.GetProperty("firstContact").GetProperty("light").GetString() == "red");
        Assert.Equal(["first-contact"], red.GetProperty("escalations").EnumerateArray().Select(e => e.GetString()));
        var board = await Portal.Supervisor().GetFromJsonAsync<JsonElement>("/api/supervision/direct-service");
        Assert.Equal("red", board.EnumerateArray().First().GetProperty("contactLight").GetString());
        var centreList = await Portal.Department(DirectServiceDriver.Centre).GetFromJsonAsync<JsonElement>($"/api/departments/{DirectServiceDriver.Centre}/direct-service");
        Assert.Contains(centreList.EnumerateArray(), b => b.GetProperty("bookingId").GetString() == id);

        Assert.Equal(HttpStatusCode.Forbidden, (await Train.ContactAsync(id, dept: "HUD")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Train.VisitAsync(id, new { accepted = new[] { "CP-PERMIT" } })).StatusCode);
        await Train.ContactOkAsync(id);
        var contacted = await Train.WaitAsync(id, s => s.GetProperty("status").GetString() == "contacted");
        Assert.True(contacted.GetProperty("firstContact").GetProperty("late").GetBoolean());
        Assert.Equal(JsonValueKind.Null, contacted.GetProperty("firstContact").GetProperty("light").ValueKind);
        var team = contacted.GetProperty("team");
        Assert.Equal("T2", team.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(team.GetProperty("leader").GetString()));
        Assert.Equal(2, team.GetProperty("stewards").GetArrayLength());
        Assert.Equal(2, team.GetProperty("approvers").GetArrayLength());
        Assert.Equal(HttpStatusCode.Conflict, (await Train.ContactAsync(id)).StatusCode);
    }

    [Fact]
    public async Task On_site_the_team_approves_and_prints_under_the_authority_and_an_extreme_gap_never_supplied_is_revoked_into_credit()
    {
        var id = await Train.BookOkAsync(DirectServiceDriver.Booking(), "ds-site");
        await Train.ContactOkAsync(id);

        var visit = await Train.VisitAsync(id, new
        {
            accepted = new[] { "CP-WASTE" },
            approved = new[] { "CP-WASTE" },
            toHall = new[] { new { item = "CP-EIA", reason = "环评需专家评审，回大厅办理 / the EIA needs an expert review" } },
            gapAccepted = new[]
            {
                new { item = "CP-PERMIT", missingKeyDocuments = new[] { "PLANNING-PERMIT" } },
                new { item = "CP-PLANNING", missingKeyDocuments = new[] { "SITE-PLAN" } },
            },
            ticked = new[] { "planning" },
            note = "现场踏勘完成 / site visited",
        });
        Assert.True(visit.StatusCode == HttpStatusCode.Accepted, await visit.Content.ReadAsStringAsync());
        var onSite = await Train.WaitAsync(id, s => s.GetProperty("status").GetString() == "on-site");

        var waste = DirectServiceDriver.Item(onSite, "CP-WASTE");
        Assert.Equal("approved-on-site", waste.GetProperty("state").GetString());
        Assert.Contains("授权委托", waste.GetProperty("authority").GetProperty("authorisation").GetString());
        Assert.Contains("首席审批员", waste.GetProperty("authority").GetProperty("chiefApprover").GetString());
        var number = waste.GetProperty("certificate").GetString()!;
        var certificate = await Portal.Anonymous().GetFromJsonAsync<JsonElement>($"/api/certificates/{number}");
        Assert.Equal("valid", certificate.GetProperty("status").GetString());
        Assert.Equal("CP-WASTE", certificate.GetProperty("item").GetString());
        Assert.Equal("to-hall", DirectServiceDriver.State(onSite, "CP-EIA"));
        Assert.Equal("gap-accepted", DirectServiceDriver.State(onSite, "CP-PERMIT"));
        Assert.True(DirectServiceDriver.Item(onSite, "CP-PERMIT").GetProperty("certificate").ValueKind == JsonValueKind.Null, "the opinion follows the supply");
        var node = onSite.GetProperty("plan").EnumerateArray().Single(n => n.GetProperty("key").GetString() == "planning");
        Assert.Equal("2026-09-28", node.GetProperty("tickedOn").GetString());
        Assert.False(node.GetProperty("late").GetBoolean());

        // The planning item's key document comes in time: its opinion is issued and the kept commitment counts.
        var sitePlan = await Portal.UploadAsync("总平面图 / site plan");
        Assert.Equal(HttpStatusCode.BadRequest, (await Train.SupplyAsync(id, "CP-PLANNING", ("LAND-CERT", sitePlan))).StatusCode);
        var supplied = await Train.SupplyAsync(id, "CP-PLANNING", ("SITE-PLAN", sitePlan));
        Assert.True(supplied.StatusCode == HttpStatusCode.Accepted, await supplied.Content.ReadAsStringAsync());
        var opinion = await Train.WaitAsync(id, s => DirectServiceDriver.State(s, "CP-PLANNING") == "opinion-issued");
        Assert.NotEqual(JsonValueKind.Null, DirectServiceDriver.Item(opinion, "CP-PLANNING").GetProperty("certificate").ValueKind);

        // The permit's key document never comes: 20 working days later the acceptance is revoked and credit records it.
        var dueAt = DirectServiceDriver.Item(opinion, "CP-PERMIT").GetProperty("supplyDueAt").GetDateTimeOffset();
        Assert.Equal(HttpStatusCode.OK, (await Portal.AdvanceAsync(40)).StatusCode);
        var revoked = await Train.WaitAsync(id, s => DirectServiceDriver.State(s, "CP-PERMIT") == "revoked");
        Assert.Equal(dueAt, DirectServiceDriver.Item(revoked, "CP-PERMIT").GetProperty("decidedAt").GetDateTimeOffset());
        var credit = await Portal.Applicant().GetFromJsonAsync<JsonElement>($"/api/credit/{PortalDriver.Uscc}");
        var records = credit.GetProperty("records").EnumerateArray().ToList();
        Assert.Contains(records, r => r.GetProperty("kind").GetString() == "broken" && r.GetProperty("reference").GetString() == $"{id}/CP-PERMIT/extreme-gap");
        Assert.Contains(records, r => r.GetProperty("kind").GetString() == "fulfilled" && r.GetProperty("reference").GetString() == $"{id}/CP-PLANNING/extreme-gap");
        Assert.Equal(HttpStatusCode.Conflict, (await Train.SupplyAsync(id, "CP-PERMIT", ("PLANNING-PERMIT", sitePlan))).StatusCode);

        // September's report, written on 1 October, counts the visit's decisions; October's the broken commitment.
        var september = (await Portal.Supervisor().GetFromJsonAsync<JsonElement>("/api/reports/monthly?month=2026-09")).GetProperty("services").GetProperty("directService");
        Assert.Equal((1, 1, 1), (september.GetProperty("booked").GetInt32(), september.GetProperty("approvedOnSite").GetInt32(), september.GetProperty("sentToHall").GetInt32()));
        var october = (await Portal.Supervisor().GetFromJsonAsync<JsonElement>("/api/reports/monthly?month=2026-10")).GetProperty("services").GetProperty("directService");
        Assert.Equal(1, october.GetProperty("extremeGapRevoked").GetInt32());

        // The last plan node ticked off closes the booking.
        Assert.Equal(HttpStatusCode.Accepted, (await Train.VisitAsync(id, new { ticked = new[] { "permit" } })).StatusCode);
        var closed = await Train.WaitAsync(id, s => s.GetProperty("status").GetString() == "closed");
        var project = await Portal.Anonymous().GetFromJsonAsync<JsonElement>($"/api/projects/{PortalDriver.ProjectCode}");
        var onPage = project.GetProperty("directService").EnumerateArray().Single();
        Assert.Equal(("closed", 2, 2), (onPage.GetProperty("status").GetString(), onPage.GetProperty("nodesTicked").GetInt32(), onPage.GetProperty("nodes").GetInt32()));
        Assert.True(closed.GetProperty("plan").EnumerateArray().Single(n => n.GetProperty("key").GetString() == "permit").GetProperty("late").GetBoolean());
    }

    [Fact]
    public async Task Extreme_gap_is_refused_to_a_project_without_land_and_bad_bookings_and_visits_name_every_problem()
    {
        var response = await Train.BookAsync(new
        {
            project = new { code = "bad", name = "", keyLevel = "village" },
            items = new[] { "CP-NOTHING", "CP-PERMIT", "CP-PERMIT" },
            channel = "pigeon",
            contact = new { name = "", phone = "x" },
            plan = new object[] { new { key = "", name = "", plannedOn = (string?)null } },
        }, "");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "project.code", "project.name", "project.keyLevel", "items[0]", "items[2]", "channel", "contact.name", "contact.phone", "plan[0].key", "plan[0].name", "plan[0].plannedOn", "Idempotency-Key" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no problem named for {field}: {errors}");
        }

        var id = await Train.BookOkAsync(DirectServiceDriver.Booking(holdsLand: false), "ds-no-land");
        await Train.ContactOkAsync(id);
        var refused = await Train.VisitAsync(id, new { gapAccepted = new[] { new { item = "CP-PERMIT", missingKeyDocuments = new[] { "PLANNING-PERMIT" } } } });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("极限容缺", await refused.Content.ReadAsStringAsync());

        var bad = await Train.VisitAsync(id, new
        {
            accepted = new[] { "CP-EIA", "CP-FIREDESIGN" },
            approved = new[] { "CP-EIA" },
            toHall = new[] { new { item = "CP-PLANNING", reason = "" } },
            ticked = new[] { "nowhere" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var visitErrors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "accepted[1]", "approved[0]", "toHall[0].reason", "ticked[0]" })
        {
            Assert.True(visitErrors.TryGetProperty(field, out _), $"no problem named for {field}: {visitErrors}");
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await Train.VisitAsync(id, new { accepted = new[] { "CP-PERMIT" } }, dept: "MET")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Portal.Applicant(PortalDriver.OtherUscc).GetAsync($"/api/direct-service/bookings/{id}")).StatusCode);

        // A phone booking the centre records for an enterprise.
        var phone = await Train.BookAsync(new
        {
            project = new { code = PortalDriver.ProjectCode, name = "示范厂房", keyLevel = "district" },
            items = new[] { "CP-PERMIT" },
            channel = "phone",
            contact = new { name = "李女士", phone = "13800000000" },
            uscc = PortalDriver.OtherUscc,
        }, "phone-1", Portal.Department(DirectServiceDriver.Centre));
        Assert.True(phone.StatusCode == HttpStatusCode.Accepted, await phone.Content.ReadAsStringAsync());
        var phoneId = (await phone.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("bookingId").GetString()!;
        var mine = await PortalDriver.EventuallyAsync(() => Portal.Applicant(PortalDriver.OtherUscc).GetFromJsonAsync<JsonElement>("/api/direct-service/bookings"),
            list => list.EnumerateArray().Any(b => b.GetProperty("bookingId").GetString() == phoneId));
        Assert.Equal(HttpStatusCode.Forbidden, (await Train.BookAsync(DirectServiceDriver.Booking(), "hud-1", Portal.Department("HUD"))).StatusCode);
    }
}
