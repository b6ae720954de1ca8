using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Approvals.Functions.Tests.Infrastructure;

namespace Approvals.Functions.Tests.StagedPermits;

/// <summary>
/// 分段办理施工许可 (SD 18) through the HTTP API: the general contractor fixed first, stage k only after stage k−1, each
/// stage's permit saying which stage it covers and never reading as a whole-project permit.
/// </summary>
public sealed class StagedPermitScenarioTests : IDisposable
{
    private const string Contractor = "91110000600037341L";
    private const string OtherContractor = "91350100M000100Y43";
    private static readonly string[] ItemMaterials =
        ["LAND-CERT", "PLANNING-PERMIT", "CONTRACTOR-CONTRACT", "FUNDS-PROOF", "DRAWING-REVIEW-CERT", "SAFETY-MEASURES", "DESIGN-DRAWINGS"];

    private readonly AppFactory app = new();
    private PortalDriver Portal => app.Driver;

    public void Dispose() => app.Dispose();

    private async Task<object> StageAsync(string? stage, string stageMaterial, string contractor = Contractor)
    {
        var materials = new List<object>();
        foreach (var code in ItemMaterials.Append(stageMaterial)) materials.Add(new { materialCode = code, materialId = await Portal.UploadAsync($"{code} for {stage}") });
        return new
        {
            applicant = new { uscc = PortalDriver.Uscc, name = "福州示范建设有限公司" },
            project = new { code = PortalDriver.ProjectCode, name = "示范综合楼", type = "public", floorArea = 30000, height = 60, occupantDensity = "medium", technicalComplexity = "medium", socialInvestment = true, keyProject = true },
            procedure = "staged-permit",
            stage,
            contractor = new { uscc = contractor, name = "中建示范工程局有限公司" },
            items = new[] { "CP-PERMIT" },
            materials,
        };
    }

    private async Task<JsonElement> ProblemOf(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<string> AcceptedAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("applicationId").GetString()!;
    }

    private async Task<JsonElement> PermitAsync(string id)
    {
        var decided = await Portal.DecideAsync("HUD", id, "CP-PERMIT", "approve", "同意 / approved");
        Assert.True(decided.StatusCode == HttpStatusCode.Accepted, await decided.Content.ReadAsStringAsync());
        var status = await Portal.WaitAsync(id, s => s.GetProperty("certificates").GetArrayLength() == 1);
        var number = status.GetProperty("certificates")[0].GetProperty("number").GetString()!;
        return await Portal.Anonymous().GetFromJsonAsync<JsonElement>($"/api/certificates/{number}");
    }

    [Fact]
    public async Task The_basement_is_refused_before_the_foundation_pit_holds_its_permit_then_each_stage_permit_names_its_stage_only()
    {
        var early = await ProblemOf(await Portal.SubmitAsync(await StageAsync("basement", "BASEMENT-DRAWING-REVIEW"), "basement-too-early"), HttpStatusCode.Conflict);
        Assert.Contains("stage 2 (basement) needs a valid permit for stage 1 (foundation-pit)", early.GetProperty("detail").GetString());

        var pit = await AcceptedAsync(await Portal.SubmitAsync(await StageAsync("foundation-pit", "PIT-SUPPORT-SCHEME"), "pit"));
        var pending = await Portal.WaitAsync(pit, s => s.GetProperty("tasks").GetArrayLength() == 1);
        Assert.Equal("staged-permit", pending.GetProperty("procedure").GetString());
        Assert.True(pending.GetProperty("stage").ValueKind == JsonValueKind.Object, pending.ToString());
        var stage = pending.GetProperty("stage");
        Assert.Equal(1, stage.GetProperty("order").GetInt32());
        Assert.Equal(3, stage.GetProperty("of").GetInt32());
        Assert.Equal(Contractor, stage.GetProperty("contractor").GetProperty("uscc").GetString());
        // While stage 1 is under review, stage 2 still waits for its permit, and stage 1 is not asked for twice.
        await ProblemOf(await Portal.SubmitAsync(await StageAsync("basement", "BASEMENT-DRAWING-REVIEW"), "basement-while-pit-reviewed"), HttpStatusCode.Conflict);
        var twice = await ProblemOf(await Portal.SubmitAsync(await StageAsync("foundation-pit", "PIT-SUPPORT-SCHEME"), "pit-again"), HttpStatusCode.Conflict);
        Assert.Contains("applied for already", twice.GetProperty("detail").GetString());

        var pitPermit = await PermitAsync(pit);
        var pitName = pitPermit.GetProperty("itemName").GetString()!;
        Assert.Contains("分段第 1/3 段：基坑支护和土方开挖，仅限本阶段", pitName);
        Assert.Contains("not the whole project", pitName);
        Assert.Equal("valid", pitPermit.GetProperty("status").GetString());

        var otherContractor = await ProblemOf(await Portal.SubmitAsync(await StageAsync("basement", "BASEMENT-DRAWING-REVIEW", OtherContractor), "basement-other-contractor"), HttpStatusCode.Conflict);
        Assert.Contains("general contractor of this project was fixed", otherContractor.GetProperty("detail").GetString());
        var basement = await AcceptedAsync(await Portal.SubmitAsync(await StageAsync("basement", "BASEMENT-DRAWING-REVIEW"), "basement"));
        var basementPermit = await PermitAsync(basement);
        Assert.Contains("分段第 2/3 段：地下室", basementPermit.GetProperty("itemName").GetString());
        var document = await Portal.Anonymous().GetStringAsync($"/api/certificates/{basementPermit.GetProperty("number").GetString()}/document");
        Assert.Contains("仅限本阶段", document);

        // The project code page (项目码) shows 2 of 3 stages permitted and the fixed contractor.
        var project = await Portal.Anonymous().GetFromJsonAsync<JsonElement>($"/api/projects/{PortalDriver.ProjectCode}");
        Assert.Equal(2, project.GetProperty("stagedPermit").GetProperty("issued").GetInt32());
        Assert.Equal(3, project.GetProperty("stagedPermit").GetProperty("of").GetInt32());
        Assert.Equal(Contractor, project.GetProperty("stagedPermit").GetProperty("contractor").GetProperty("uscc").GetString());
    }

    [Fact]
    public async Task Two_submissions_of_one_stage_sent_together_leave_exactly_one_application_under_review()
    {
        var body = await StageAsync("foundation-pit", "PIT-SUPPORT-SCHEME");

        var answers = await Task.WhenAll(Portal.SubmitAsync(body, "pit-left-tab"), Portal.SubmitAsync(body, "pit-right-tab"));

        // Whichever way the two interleave, one goes on: the other is refused at intake (409) or, when both passed its
        // check at once, its application ends rejected by the stage claim and names the one that goes on.
        var accepted = new List<string>();
        foreach (var answer in answers)
        {
            if (answer.StatusCode == HttpStatusCode.Conflict) await ProblemOf(answer, HttpStatusCode.Conflict);
            else accepted.Add(await AcceptedAsync(answer));
        }
        var ended = new List<JsonElement>();
        foreach (var id in accepted) ended.Add(await Portal.WaitAsync(id, s => s.GetProperty("status").GetString() is "under-review" or "rejected"));
        var live = Assert.Single(ended, s => s.GetProperty("status").GetString() == "under-review");
        var liveId = live.GetProperty("applicationId").GetString()!;
        foreach (var refused in ended.Where(s => s.GetProperty("status").GetString() == "rejected"))
        {
            Assert.Contains(refused.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("event").GetString()!.Contains($"at the same time in {liveId}", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_staged_permit_without_stage_contractor_or_the_stage_material_names_every_problem_at_once()
    {
        var body = await StageAsync("foundation-pit", "PIT-SUPPORT-SCHEME");
        var json = JsonSerializer.SerializeToNode(body, new JsonSerializerOptions(JsonSerializerDefaults.Web))!.AsObject();
        json["stage"] = "roof";
        json.Remove("contractor");
        json["materials"] = new System.Text.Json.Nodes.JsonArray(json["materials"]!.AsArray().Where(m => m!["materialCode"]!.GetValue<string>() != "PIT-SUPPORT-SCHEME").Select(m => m!.DeepClone()).ToArray());
        var refused = await ProblemOf(await Portal.SubmitAsync(json, "bad-stage"), HttpStatusCode.BadRequest);
        var errors = refused.GetProperty("errors");

        Assert.Contains("foundation-pit, basement, above-ground", errors.GetProperty("stage")[0].GetString());
        Assert.Contains("general contractor", errors.GetProperty("contractor")[0].GetString());

        json["stage"] = "foundation-pit";
        json["contractor"] = JsonSerializer.SerializeToNode(new { uscc = Contractor, name = "中建示范工程局有限公司" });
        var missing = await ProblemOf(await Portal.SubmitAsync(json, "no-pit-scheme"), HttpStatusCode.BadRequest);
        Assert.Contains(missing.GetProperty("errors").GetProperty("materials").EnumerateArray(), e => e.GetString()!.Contains("PIT-SUPPORT-SCHEME"));
        var catalog = await Portal.Anonymous().GetFromJsonAsync<JsonElement>("/api/catalog/permit-stages");
        Assert.Equal(["foundation-pit", "basement", "above-ground"], catalog.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("code").GetString()));
    }
}
