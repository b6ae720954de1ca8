using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Approvals.Functions.Tests.Infrastructure;

namespace Approvals.Functions.Tests.LandToStart;

/// <summary>
/// 拿地即开工 through the HTTP API on the virtual clock (Monday 2026-09-28 09:00 Shanghai): scope, the pre-land steps in
/// their order with lights, simulated opinions marked 模拟 and never certificates, and the four documents of the contract day.
/// </summary>
public sealed class LandToStartScenarioTests : IDisposable
{
    private readonly AppFactory app = new();
    private PortalDriver Portal => app.Driver;
    private LandToStartDriver Land => new(app.Driver);

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task On_the_land_contract_day_the_four_documents_issue_dated_that_day()
    {
        var id = await Land.ApplyOkAsync(await Land.ApplicationAsync(), "lts-four");
        var first = await Land.WaitAsync(id, _ => true);
        Assert.Equal("pre-land", first.GetProperty("status").GetString());
        Assert.Equal("waiting", LandToStartDriver.StepState(first, "land-listing"));
        // Drawing review runs while the land is listed: it cannot be done before the listing.
        Assert.Equal(HttpStatusCode.Conflict, (await Land.StepAsync(id, "drawing-review", "HUD")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Land.StepAsync(id, "design-scheme-review", "HUD")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Land.ContractAsync(id, "2026-09-28")).StatusCode);

        var ready = await Land.MakeReadyAsync(id);
        foreach (var (key, _) in LandToStartDriver.Documents)
        {
            var document = LandToStartDriver.Document(ready, key);
            Assert.Equal("simulated", document.GetProperty("state").GetString());
            Assert.Contains("模拟", document.GetProperty("simulatedOpinion").GetProperty("mark").GetString());
            Assert.Equal(JsonValueKind.Null, document.GetProperty("certificate").ValueKind);
        }
        var project = await Portal.Anonymous().GetFromJsonAsync<JsonElement>($"/api/projects/{PortalDriver.ProjectCode}");
        Assert.Empty(project.GetProperty("certificates").EnumerateArray());
        Assert.All(project.GetProperty("landToStart").EnumerateArray().Single().GetProperty("documents").EnumerateArray(), d => Assert.True(d.GetProperty("simulated").GetBoolean()));

        // The contract is signed on Saturday 3 October (National Day): the documents are dated that day.
        Assert.Equal(HttpStatusCode.OK, (await Portal.AdvanceAsync(5)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Land.ContractAsync(id, "2026-10-02")).StatusCode);
        var signed = await Land.ContractAsync(id, "2026-10-03");
        Assert.True(signed.StatusCode == HttpStatusCode.Accepted, await signed.Content.ReadAsStringAsync());
        var issued = await Land.WaitAsync(id, s => s.GetProperty("status").GetString() == "four-issued");
        Assert.Equal("2026-10-03", issued.GetProperty("contract").GetProperty("signedOn").GetString());
        foreach (var (key, _) in LandToStartDriver.Documents)
        {
            var document = LandToStartDriver.Document(issued, key);
            Assert.Equal("issued", document.GetProperty("state").GetString());
            Assert.Equal(new DateOnly(2026, 10, 3), DateOnly.FromDateTime(document.GetProperty("issuedAt").GetDateTimeOffset().DateTime));
            var certificate = await Portal.Anonymous().GetFromJsonAsync<JsonElement>($"/api/certificates/{document.GetProperty("certificate").GetString()}");
            Assert.Equal("valid", certificate.GetProperty("status").GetString());
        }
        Assert.Equal(HttpStatusCode.Conflict, (await Land.ContractAsync(id, "2026-10-03")).StatusCode);
    }

    [Fact]
    public async Task A_changed_plan_condition_sends_the_documents_resting_on_it_to_review_again_red_while_the_others_issue()
    {
        var id = await Land.ApplyOkAsync(await Land.ApplicationAsync(soldWithDesignScheme: true), "lts-changed");
        var ready = await Land.MakeReadyAsync(id);
        Assert.Equal("skipped", LandToStartDriver.StepState(ready, "design-scheme-review"));

        var signed = await Land.ContractAsync(id, "2026-09-28", new Dictionary<string, string> { ["buildingHeight"] = "36 m" });
        Assert.True(signed.StatusCode == HttpStatusCode.Accepted, await signed.Content.ReadAsStringAsync());
        var contracted = await Land.WaitAsync(id, s => s.GetProperty("status").GetString() == "contract-signed"
            && s.GetProperty("documents").EnumerateArray().All(d => d.GetProperty("state").GetString() is "issued" or "re-review"));
        Assert.Equal("issued", LandToStartDriver.Document(contracted, "land-use-planning-permit").GetProperty("state").GetString());
        Assert.Equal("issued", LandToStartDriver.Document(contracted, "real-estate-title").GetProperty("state").GetString());
        foreach (var key in new[] { "works-planning-permit", "construction-permit" })
        {
            var document = LandToStartDriver.Document(contracted, key);
            Assert.Equal("re-review", document.GetProperty("state").GetString());
            Assert.Equal("red", document.GetProperty("light").GetString());
            Assert.Equal(["buildingHeight"], document.GetProperty("reReviewBecause").EnumerateArray().Select(b => b.GetString()));
        }
        var board = await Portal.Supervisor().GetFromJsonAsync<JsonElement>("/api/supervision/land-to-start");
        Assert.Equal(2, board.EnumerateArray().Single(c => c.GetProperty("caseId").GetString() == id).GetProperty("red").GetInt32());

        Assert.Equal(HttpStatusCode.Accepted, (await Land.OpinionAsync(id, "works-planning-permit", "NRP")).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await Land.OpinionAsync(id, "construction-permit", "HUD")).StatusCode);
        var issued = await Land.WaitAsync(id, s => s.GetProperty("status").GetString() == "four-issued");
        var permit = LandToStartDriver.Document(issued, "construction-permit");
        Assert.Equal("正式 / formal", permit.GetProperty("formalOpinion").GetProperty("mark").GetString());
        Assert.NotEqual(JsonValueKind.Null, permit.GetProperty("certificate").ValueKind);
    }

    [Fact]
    public async Task A_step_past_its_limit_turns_red_and_out_of_scope_projects_are_refused_naming_every_reason()
    {
        var id = await Land.ApplyOkAsync(await Land.ApplicationAsync(), "lts-late");
        // The design scheme review has 5 working days: by Saturday 10 October (a working day in 2026) it is overdue.
        Assert.Equal(HttpStatusCode.OK, (await Portal.AdvanceAsync(13)).StatusCode);
        var late = await Land.WaitAsync(id, s => s.GetProperty("steps").EnumerateArray().First().GetProperty("light").GetString() == "red");
        Assert.Equal("pre-land", late.GetProperty("status").GetString());
        var nrp = await Portal.Department("NRP").GetFromJsonAsync<JsonElement>("/api/departments/NRP/land-to-start");
        Assert.Contains(nrp.EnumerateArray(), c => c.GetProperty("caseId").GetString() == id);
        Assert.Equal(HttpStatusCode.Accepted, (await Land.StepAsync(id, "design-scheme-review", "NRP")).StatusCode);
        var done = await Land.WaitAsync(id, s => LandToStartDriver.StepState(s, "design-scheme-review") == "done" && LandToStartDriver.StepState(s, "planning-publicity") == "open");
        Assert.True(done.GetProperty("steps").EnumerateArray().First().GetProperty("late").GetBoolean());
        Assert.Equal("open", LandToStartDriver.StepState(done, "land-supply-plan"));
        Assert.Equal("open", LandToStartDriver.StepState(done, "planning-publicity"));

        var response = await Land.ApplyAsync(new
        {
            project = new { code = PortalDriver.ProjectCode, name = "化工中间体项目", park = "", kind = "relocation", industry = "commercial", keyProject = false, fitsSpatialPlan = false, hazardousChemicals = true },
            voluntary = false,
            planConditions = new Dictionary<string, string> { ["landUse"] = "M2", ["colour"] = "red" },
            materials = new[] { new { code = "SITE-PLAN", materialId = "not-mine" } },
        }, "lts-bad");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "scope.park", "scope.kind", "scope.industry", "scope.keyProject", "scope.fitsSpatialPlan", "scope.hazardousChemicals", "scope.voluntary",
            "planConditions.siteArea", "planConditions.colour", "materials", "materials[0].materialId" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no problem named for {field}: {errors}");
        }
        Assert.Equal(HttpStatusCode.NotFound, (await Portal.Applicant(PortalDriver.OtherUscc).GetAsync($"/api/land-to-start/{id}")).StatusCode);
    }
}
