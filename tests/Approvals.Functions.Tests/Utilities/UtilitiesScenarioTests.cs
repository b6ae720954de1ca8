using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Approvals.Functions.Tests.Infrastructure;
using Approvals.Stores;
using Microsoft.Extensions.DependencyInjection;

namespace Approvals.Functions.Tests.Utilities;

/// <summary>
/// 联合报装 through the HTTP API on the virtual clock (Monday 2026-09-28 09:00 Shanghai, the week before National Day):
/// one form to water, power and gas; each utility against its own published limit; fees against the standard;
/// connection only after completion acceptance.
/// </summary>
public sealed class UtilitiesScenarioTests : IDisposable
{
    private readonly AppFactory app = new();
    private PortalDriver Portal => app.Driver;
    private UtilityDriver Utilities => new(app.Driver);

    public void Dispose() => app.Dispose();

    private static object Form(string window = "district-hall") => new
    {
        projectCode = PortalDriver.ProjectCode,
        projectName = "示范厂房",
        window,
        plannedStartOn = "2026-11-02",
        utilities = new object[]
        {
            new { code = "WATERCO", quantity = 200 },
            new { code = "POWER", quantity = 800 },
            new { code = "GAS", quantity = 50 },
        },
    };

    [Fact]
    public async Task A_utility_that_misses_its_limit_turns_red_and_escalates_while_the_others_go_on()
    {
        var id = await Utilities.SubmitOkAsync(Form(), "utl-late");
        Assert.Equal(id, await Utilities.SubmitOkAsync(Form(), "utl-late"));
        var forwarded = await Utilities.WaitAsync(id, s => s.GetProperty("tracks").EnumerateArray().All(t => t.GetProperty("awaiting").GetString() == "surveyed"));
        Assert.Equal("forwarded", forwarded.GetProperty("status").GetString());
        // Survey limits: water and power 2 working days (29, 30 Sep), gas 3 (29, 30 Sep, then 8 Oct after National Day).
        Assert.Equal(new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.FromHours(8)), UtilityDriver.Track(forwarded, "POWER").GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2026, 10, 9, 0, 0, 0, TimeSpan.FromHours(8)), UtilityDriver.Track(forwarded, "GAS").GetProperty("dueAt").GetDateTimeOffset());
        Assert.All(forwarded.GetProperty("tracks").EnumerateArray(), t => Assert.Equal("green", t.GetProperty("light").GetString()));

        var inbox = await Portal.Department("POWER").GetFromJsonAsync<JsonElement>("/api/departments/POWER/utilities");
        Assert.Equal(id, inbox.EnumerateArray().Single().GetProperty("caseId").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await Portal.Department("POWER").GetAsync("/api/departments/WATER/utilities")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Utilities.AnswerAsync("HEAT", id, "surveyed")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Utilities.AnswerAsync("WATERCO", id, "complete", fee: 0)).StatusCode);

        await Utilities.AnswerOkAsync("WATERCO", id, "surveyed", attendees: ["供水公司 王工"]);
        await Utilities.AnswerOkAsync("POWER", id, "surveyed", attendees: ["供电公司 李工", "直通车 张班长"]);
        // The published standard: water 120 per m³/d (200 → 24000), power no fee.
        var overcharge = await Utilities.AnswerAsync("WATERCO", id, "complete", fee: 30000);
        Assert.Equal(HttpStatusCode.BadRequest, overcharge.StatusCode);
        Assert.Contains("24000", await overcharge.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await Utilities.AnswerAsync("POWER", id, "complete", fee: 100)).StatusCode);
        await Utilities.AnswerOkAsync("WATERCO", id, "complete", fee: 24000);
        await Utilities.AnswerOkAsync("POWER", id, "complete", fee: 0);

        Assert.Equal(HttpStatusCode.OK, (await Portal.AdvanceAsync(14)).StatusCode);
        var late = await Utilities.WaitAsync(id, s => UtilityDriver.Light(s, "GAS") == "red");
        var gas = UtilityDriver.Track(late, "GAS");
        Assert.Equal("surveyed", gas.GetProperty("awaiting").GetString());
        Assert.Equal(["surveyed"], gas.GetProperty("escalations").EnumerateArray().Select(e => e.GetString()));
        // Water and power were not held up by gas: both are complete and wait for nothing.
        foreach (var done in new[] { "WATERCO", "POWER" })
        {
            var track = UtilityDriver.Track(late, done);
            Assert.Equal("complete", track.GetProperty("step").GetString());
            Assert.Equal(JsonValueKind.Null, track.GetProperty("light").ValueKind);
            Assert.Empty(track.GetProperty("lateSteps").EnumerateArray());
        }
        Assert.Equal("forwarded", late.GetProperty("status").GetString());
        Assert.Equal(["供水公司 王工", "供电公司 李工", "直通车 张班长"], late.GetProperty("jointSurvey").GetProperty("attendees").EnumerateArray().Select(a => a.GetString()));

        var board = await Portal.Supervisor().GetFromJsonAsync<JsonElement>("/api/supervision/utilities");
        var line = board.EnumerateArray().Single(c => c.GetProperty("caseId").GetString() == id);
        Assert.Equal(1, line.GetProperty("red").GetInt32());

        await Utilities.AnswerOkAsync("GAS", id, "surveyed");
        await Utilities.AnswerOkAsync("GAS", id, "complete", fee: 15000);
        var complete = await Utilities.WaitAsync(id, s => s.GetProperty("status").GetString() == "complete");
        Assert.Equal(["surveyed"], UtilityDriver.Track(complete, "GAS").GetProperty("lateSteps").EnumerateArray().Select(e => e.GetString()));
        Assert.True(complete.GetProperty("doneBeforeStart").GetBoolean());
    }

    [Fact]
    public async Task Utilities_connect_only_after_completion_acceptance_each_against_its_limit()
    {
        var id = await Utilities.SubmitOkAsync(new
        {
            projectCode = PortalDriver.ProjectCode,
            projectName = "示范厂房",
            utilities = new object[] { new { code = "WATERCO", quantity = 100 }, new { code = "POWER", quantity = 630 } },
        }, "utl-connect");
        await Utilities.WaitAsync(id, s => s.GetProperty("tracks").EnumerateArray().All(t => t.GetProperty("awaiting").GetString() == "surveyed"));
        foreach (var utility in new[] { "WATERCO", "POWER" })
        {
            await Utilities.AnswerOkAsync(utility, id, "surveyed");
            await Utilities.AnswerOkAsync(utility, id, "complete", fee: 0);
        }
        await Utilities.WaitAsync(id, s => s.GetProperty("status").GetString() == "complete");
        Assert.Equal(HttpStatusCode.Conflict, (await Utilities.AnswerAsync("POWER", id, "connected")).StatusCode);

        var refused = await Utilities.RequestConnectionAsync(id);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("竣工联合验收", await refused.Content.ReadAsStringAsync());

        // The project passes joint completion acceptance (that procedure has its own tests): it now holds the certificate.
        await IssueAcceptanceCertificateAsync("JA-2026-000001");
        var asked = await Utilities.RequestConnectionAsync(id);
        Assert.True(asked.StatusCode == HttpStatusCode.Accepted, await asked.Content.ReadAsStringAsync());
        var connecting = await Utilities.WaitAsync(id, s => s.GetProperty("status").GetString() == "connecting"
            && s.GetProperty("tracks").EnumerateArray().All(t => t.GetProperty("awaiting").GetString() == "connected"));
        Assert.Equal("JA-2026-000001", connecting.GetProperty("acceptanceCertificate").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await Utilities.RequestConnectionAsync(id)).StatusCode);

        await Utilities.AnswerOkAsync("WATERCO", id, "connected");
        await Utilities.AnswerOkAsync("POWER", id, "connected");
        var connected = await Utilities.WaitAsync(id, s => s.GetProperty("status").GetString() == "connected");
        Assert.NotEqual(JsonValueKind.Null, connected.GetProperty("connectedAt").ValueKind);

        var project = await Portal.Anonymous().GetFromJsonAsync<JsonElement>($"/api/projects/{PortalDriver.ProjectCode}");
        var onPage = project.GetProperty("utilities").EnumerateArray().Single();
        Assert.Equal("connected", onPage.GetProperty("status").GetString());
        Assert.Empty((await Portal.Supervisor().GetFromJsonAsync<JsonElement>("/api/supervision/utilities")).EnumerateArray());
    }

    [Fact]
    public async Task A_bad_form_is_refused_naming_every_problem_and_others_cannot_read_a_case()
    {
        var response = await Utilities.SubmitAsync(new
        {
            projectCode = "not-a-code",
            window = "the-moon",
            utilities = new object[] { new { code = "OIL", quantity = 1 }, new { code = "WATERCO", quantity = 0 }, new { code = "POWER", quantity = 10 }, new { code = "POWER", quantity = 10 } },
        }, "");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "projectCode", "projectName", "window", "utilities[0].code", "utilities[1].quantity", "utilities[3].code", "Idempotency-Key" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no problem named for {field}: {errors}");
        }
        Assert.Empty((await Portal.Applicant().GetFromJsonAsync<JsonElement>("/api/utilities/applications")).EnumerateArray());

        var id = await Utilities.SubmitOkAsync(Form(), "utl-private");
        await Utilities.WaitAsync(id, s => s.GetProperty("tracks").GetArrayLength() == 3);
        Assert.Equal(HttpStatusCode.NotFound, (await Portal.Applicant(PortalDriver.OtherUscc).GetAsync($"/api/utilities/applications/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Portal.Department("HEAT").GetAsync($"/api/utilities/applications/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Portal.Department("GAS").GetAsync($"/api/utilities/applications/{id}")).StatusCode);
        var badStep = await Portal.Department("GAS").PostAsJsonAsync($"/api/utilities/applications/{id}/answers", new { step = "dug", fee = -1 });
        Assert.Equal(HttpStatusCode.BadRequest, badStep.StatusCode);
        var stepErrors = (await badStep.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(stepErrors.TryGetProperty("step", out _) && stepErrors.TryGetProperty("fee", out _), stepErrors.ToString());
    }

    private async Task IssueAcceptanceCertificateAsync(string number)
    {
        var store = app.Services.GetRequiredService<ICertificateStore>();
        await store.IssueAsync(new CertificateRecord
        {
            Number = number,
            Item = "JA-ACCEPTANCE",
            ItemName = "建设工程竣工联合验收意见书 / joint completion acceptance",
            HolderUscc = PortalDriver.Uscc,
            HolderName = "福州示范建设有限公司",
            ProjectCode = PortalDriver.ProjectCode,
            ProjectName = "示范厂房",
            ApplicationId = "APP-JA-TEST",
            IssuedAt = AppFactory.Start.AddMonths(1),
            VerifyUrl = $"/api/certificates/{number}",
        }, PortalDriver.Pdf("acceptance"), "application/pdf");
    }
}
