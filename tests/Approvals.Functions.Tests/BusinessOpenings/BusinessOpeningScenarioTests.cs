using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Approvals.Functions.Tests.Infrastructure;
using Approvals.Identity;

namespace Approvals.Functions.Tests.BusinessOpenings;

/// <summary>
/// 开户即开业 / 证照联办 through the HTTP API on the virtual clock (Monday 2026-09-28 09:00 Shanghai, the week before
/// National Day): one submission, the licence and the permits issued at one instant under a new USCC, post-checks.
/// </summary>
public sealed class BusinessOpeningScenarioTests : IDisposable
{
    private readonly AppFactory app = new();
    private PortalDriver Portal => app.Driver;
    private BusinessOpeningDriver Openings => new(app.Driver);

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task A_business_opening_issues_the_licence_and_the_permit_at_the_same_instant()
    {
        var catalog = await Portal.Anonymous().GetFromJsonAsync<JsonElement>("/api/catalog/instant-items");
        var salon = catalog.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "SALON");
        Assert.Equal("Jining 2020 二/三", salon.GetProperty("source").GetString());
        Assert.Equal("commitment", salon.GetProperty("route").GetString());

        var id = await Openings.SubmitOkAsync(BusinessOpeningDriver.SalonAndFood(), "open-1");
        Assert.StartsWith("BO-", id, StringComparison.Ordinal);
        Assert.Equal(id, await Openings.SubmitOkAsync(BusinessOpeningDriver.SalonAndFood(), "open-1"));

        var issued = await Openings.IssuedAsync(id);
        var uscc = issued.GetProperty("uscc").GetString()!;
        Assert.True(Uscc.IsValid(uscc), $"{uscc} is not a valid USCC");
        Assert.StartsWith("91370800", uscc, StringComparison.Ordinal);

        var licence = issued.GetProperty("licence");
        var issuedAt = licence.GetProperty("issuedAt").GetDateTimeOffset();
        Assert.Equal("+08:00", licence.GetProperty("issuedAt").GetString()![^6..]);
        foreach (var code in new[] { "SALON", "FOOD-PREPACKAGED" })
        {
            var item = BusinessOpeningDriver.Item(issued, code);
            Assert.Equal(issuedAt, item.GetProperty("issuedAt").GetDateTimeOffset());
            var certificate = await Openings.CertificateAsync(item.GetProperty("certificate").GetProperty("number").GetString()!);
            Assert.Equal("valid", certificate.GetProperty("status").GetString());
            Assert.Equal(uscc, certificate.GetProperty("holder").GetProperty("uscc").GetString());
            Assert.Equal(issuedAt, certificate.GetProperty("issuedAt").GetDateTimeOffset());
        }
        var licenceCertificate = await Openings.CertificateAsync(licence.GetProperty("number").GetString()!);
        Assert.Equal(issuedAt, licenceCertificate.GetProperty("issuedAt").GetDateTimeOffset());
        Assert.Equal("BO-LICENCE", licenceCertificate.GetProperty("item").GetString());
        Assert.Equal("valid", licenceCertificate.GetProperty("status").GetString());

        var salonCheck = BusinessOpeningDriver.PostCheck(BusinessOpeningDriver.Item(issued, "SALON"));
        Assert.Equal("site", salonCheck.GetProperty("kind").GetString());
        Assert.Equal("document", BusinessOpeningDriver.PostCheck(BusinessOpeningDriver.Item(issued, "FOOD-PREPACKAGED")).GetProperty("kind").GetString());
        // 20 working days from Monday 28 Sep 2026: 29, 30 Sep; 1–7 Oct off; 8, 9, Saturday 10 Oct (调休); then to Friday 30 Oct.
        Assert.Equal(new DateTimeOffset(2026, 10, 31, 0, 0, 0, TimeSpan.FromHours(8)), salonCheck.GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal("green", issued.GetProperty("light").GetString());

        var mine = await Openings.FounderClient().GetFromJsonAsync<JsonElement>("/api/business-openings");
        Assert.Equal([id], mine.EnumerateArray().Select(c => c.GetProperty("caseId").GetString()!));
    }

    [Fact]
    public async Task A_broken_post_check_revokes_the_permit_only_the_licence_stays_valid_and_credit_records_it()
    {
        var id = await Openings.SubmitOkAsync(BusinessOpeningDriver.SalonAndFood(), "open-broken");
        var issued = await Openings.IssuedAsync(id);
        var uscc = issued.GetProperty("uscc").GetString()!;

        Assert.Equal(HttpStatusCode.Forbidden, (await Openings.PostCheckAsync("MARKET", id, "SALON", "verified")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Openings.PostCheckAsync("NRP", id, "SALON", "verified")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Openings.PostCheckAsync("HEALTH", id, "SALON", "broken")).StatusCode);

        var broken = await Openings.PostCheckAsync("HEALTH", id, "SALON", "broken", "消毒设施未安装 / no disinfection equipment on site");
        Assert.True(broken.StatusCode == HttpStatusCode.Accepted, await broken.Content.ReadAsStringAsync());
        var afterBreak = await Openings.WaitAsync(id, s => BusinessOpeningDriver.PostCheck(BusinessOpeningDriver.Item(s, "SALON")).GetProperty("status").GetString() == "broken");
        Assert.Equal(HttpStatusCode.Conflict, (await Openings.PostCheckAsync("HEALTH", id, "SALON", "verified")).StatusCode);

        var permit = BusinessOpeningDriver.Item(afterBreak, "SALON").GetProperty("certificate");
        Assert.Equal("revoked", permit.GetProperty("status").GetString());
        Assert.Equal("revoked", (await Openings.CertificateAsync(permit.GetProperty("number").GetString()!)).GetProperty("status").GetString());
        Assert.Equal("valid", (await Openings.CertificateAsync(afterBreak.GetProperty("licence").GetProperty("number").GetString()!)).GetProperty("status").GetString());
        var filing = BusinessOpeningDriver.Item(afterBreak, "FOOD-PREPACKAGED").GetProperty("certificate").GetProperty("number").GetString()!;
        Assert.Equal("valid", (await Openings.CertificateAsync(filing)).GetProperty("status").GetString());

        var credit = await PortalDriver.EventuallyAsync(
            () => Portal.Supervisor().GetFromJsonAsync<JsonElement>($"/api/credit/{uscc}"),
            c => c.GetProperty("records").EnumerateArray().Any(r => r.GetProperty("kind").GetString() == "revocation"));
        Assert.Contains(credit.GetProperty("records").EnumerateArray(), r => r.GetProperty("kind").GetString() == "broken" && r.GetProperty("reference").GetString() == $"{id}/SALON");

        Assert.Equal(HttpStatusCode.Accepted, (await Openings.PostCheckAsync("MARKET", id, "FOOD-PREPACKAGED", "verified")).StatusCode);
        var closed = await Openings.WaitAsync(id, s => BusinessOpeningDriver.Status(s) == "permit-revoked");
        Assert.Equal("verified", BusinessOpeningDriver.PostCheck(BusinessOpeningDriver.Item(closed, "FOOD-PREPACKAGED")).GetProperty("status").GetString());
        Assert.Equal("valid", closed.GetProperty("licence").GetProperty("status").GetString());

        var report = await Portal.Supervisor().GetFromJsonAsync<JsonElement>("/api/reports/monthly?month=2026-09");
        var figures = report.GetProperty("businessOpenings");
        Assert.Equal(1, figures.GetProperty("opened").GetInt32());
        Assert.Equal(1, figures.GetProperty("issuedSameInstant").GetInt32());
        Assert.Equal(1, figures.GetProperty("postChecksVerified").GetInt32());
        Assert.Equal(1, figures.GetProperty("postChecksBroken").GetInt32());
        Assert.Equal(1, figures.GetProperty("permitsRevoked").GetInt32());
    }

    [Fact]
    public async Task A_post_check_not_recorded_by_its_due_date_stays_due_on_a_red_light_for_the_supervisor()
    {
        var id = await Openings.SubmitOkAsync(BusinessOpeningDriver.SalonAndFood(), "open-late");
        await Openings.IssuedAsync(id);
        Assert.Equal(HttpStatusCode.Accepted, (await Openings.PostCheckAsync("MARKET", id, "FOOD-PREPACKAGED", "verified")).StatusCode);
        await Openings.WaitAsync(id, s => BusinessOpeningDriver.PostCheck(BusinessOpeningDriver.Item(s, "FOOD-PREPACKAGED")).GetProperty("status").GetString() == "verified");

        Assert.Equal(HttpStatusCode.OK, (await Portal.AdvanceAsync(40)).StatusCode);
        var red = await Openings.WaitAsync(id, s => s.GetProperty("light").GetString() == "red");
        Assert.Equal("post-check-due", BusinessOpeningDriver.Status(red));
        var salon = BusinessOpeningDriver.Item(red, "SALON");
        Assert.Equal("due", BusinessOpeningDriver.PostCheck(salon).GetProperty("status").GetString());
        Assert.Equal("valid", salon.GetProperty("certificate").GetProperty("status").GetString());

        var board = await Portal.Supervisor().GetFromJsonAsync<JsonElement>("/api/supervision/business-openings");
        Assert.Equal(1, board.GetProperty("red").GetInt32());
        Assert.Equal(id, board.GetProperty("cases").EnumerateArray().First().GetProperty("caseId").GetString());

        Assert.Equal(HttpStatusCode.Accepted, (await Openings.PostCheckAsync("HEALTH", id, "SALON", "verified", "现场符合 / the site complies")).StatusCode);
        var verified = await Openings.WaitAsync(id, s => BusinessOpeningDriver.Status(s) == "verified");
        Assert.True(BusinessOpeningDriver.PostCheck(BusinessOpeningDriver.Item(verified, "SALON")).GetProperty("late").GetBoolean());
        Assert.Equal(0, (await Portal.Supervisor().GetFromJsonAsync<JsonElement>("/api/supervision/business-openings")).GetProperty("open").GetInt32());
    }

    [Fact]
    public async Task Bad_input_is_refused_with_every_problem_at_once()
    {
        var bad = await Openings.SubmitAsync(new { items = new[] { "NOPE", "SALON" }, commitments = new[] { "FOOD-PREPACKAGED" } }, "");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "companyName", "businessScope", "items", "commitments", "Idempotency-Key" }) Assert.True(errors.TryGetProperty(field, out _), $"{field} missing in {errors}");
        Assert.Equal(2, errors.GetProperty("commitments").GetArrayLength());

        var none = await Openings.SubmitAsync(new { companyName = "示范", businessScope = "零售", items = Array.Empty<string>() }, "open-none");
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.True((await none.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("items", out _));
        Assert.Empty(await Openings.FounderClient().GetFromJsonAsync<JsonElement[]>("/api/business-openings") ?? []);
    }

    [Fact]
    public async Task Another_founder_cannot_read_it_but_the_departments_concerned_and_the_supervisor_can()
    {
        var id = await Openings.SubmitOkAsync(BusinessOpeningDriver.SalonAndFood(), "open-private");
        await Openings.IssuedAsync(id);
        Assert.Equal(HttpStatusCode.NotFound, (await Openings.FounderClient(BusinessOpeningDriver.OtherFounder).GetAsync($"/api/business-openings/{id}")).StatusCode);
        Assert.Empty((await Openings.FounderClient(BusinessOpeningDriver.OtherFounder).GetFromJsonAsync<JsonElement>("/api/business-openings")).EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await Portal.Department("NRP").GetAsync($"/api/business-openings/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Portal.Department("HEALTH").GetAsync($"/api/business-openings/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Portal.Department("APPROVAL").GetAsync($"/api/business-openings/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Portal.Supervisor().GetAsync($"/api/business-openings/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Portal.Supervisor().GetAsync("/api/business-openings")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Portal.Applicant().GetAsync("/api/supervision/business-openings")).StatusCode);
    }
}
