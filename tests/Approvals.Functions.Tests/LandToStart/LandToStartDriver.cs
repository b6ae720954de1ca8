using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Approvals.Functions.Tests.Infrastructure;

namespace Approvals.Functions.Tests.LandToStart;

/// <summary>Plays the applicant, the departments (NRP, REG, HUD) and the supervisor of 拿地即开工 over HTTP.</summary>
public sealed class LandToStartDriver(PortalDriver portal)
{
    public static readonly (string Key, string Department)[] Steps =
        [("design-scheme-review", "NRP"), ("land-supply-plan", "NRP"), ("planning-publicity", "NRP"), ("land-listing", "NRP"), ("drawing-review", "HUD")];

    public static readonly (string Key, string Department)[] Documents =
        [("land-use-planning-permit", "NRP"), ("real-estate-title", "REG"), ("works-planning-permit", "NRP"), ("construction-permit", "HUD")];

    public async Task<object> ApplicationAsync(bool hazardousChemicals = false, bool soldWithDesignScheme = false) => new
    {
        project = new { code = PortalDriver.ProjectCode, name = "示范新材料产业园一期", park = "高新区新材料产业园", kind = "new", industry = "industrial", keyProject = true, fitsSpatialPlan = true, hazardousChemicals },
        enterpriseName = "福州示范建设有限公司",
        voluntary = true,
        soldWithDesignScheme,
        planConditions = new Dictionary<string, string> { ["landUse"] = "工业用地 M1", ["siteArea"] = "52000 m²", ["plotRatio"] = "1.2", ["buildingHeight"] = "24 m" },
        materials = new[]
        {
            new { code = "SITE-PLAN", materialId = await portal.UploadAsync("总平面图 / site plan") },
            new { code = "DESIGN-SCHEME", materialId = await portal.UploadAsync("设计方案 / design scheme") },
            new { code = "CONSTRUCTION-DRAWINGS", materialId = await portal.UploadAsync("施工图 / construction drawings") },
        },
    };

    public async Task<HttpResponseMessage> ApplyAsync(object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/land-to-start") { Content = JsonContent.Create(body) };
        if (key.Length > 0) request.Headers.Add("Idempotency-Key", key);
        return await portal.Applicant().SendAsync(request);
    }

    public async Task<string> ApplyOkAsync(object body, string key)
    {
        var response = await ApplyAsync(body, key);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseId").GetString()!;
        await WaitAsync(id, s => StepState(s, "design-scheme-review") is "open" or "skipped");
        return id;
    }

    public Task<HttpResponseMessage> StepAsync(string id, string step, string dept) =>
        portal.Department(dept).PostAsJsonAsync($"/api/land-to-start/{id}/opinions", new { step, note = $"{step} 完成 / done" });

    public Task<HttpResponseMessage> OpinionAsync(string id, string document, string dept, string result = "pass") =>
        portal.Department(dept).PostAsJsonAsync($"/api/land-to-start/{id}/opinions", new { document, result, opinion = $"{document}: 符合条件 / meets the conditions" });

    /// <summary>Every pre-land step done by its department in order, and every document's simulated opinion passed: the case is ready.</summary>
    public async Task<JsonElement> MakeReadyAsync(string id)
    {
        foreach (var (document, dept) in Documents) Assert.Equal(HttpStatusCode.Accepted, (await OpinionAsync(id, document, dept)).StatusCode);
        foreach (var (step, dept) in Steps)
        {
            var current = await WaitAsync(id, s => StepState(s, step) is "open" or "skipped");
            if (StepState(current, step) == "skipped") continue;
            var response = await StepAsync(id, step, dept);
            Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        }
        return await WaitAsync(id, s => s.GetProperty("status").GetString() == "ready");
    }

    public Task<HttpResponseMessage> ContractAsync(string id, string signedOn, object? planConditions = null) =>
        portal.Applicant().PostAsJsonAsync($"/api/land-to-start/{id}/contract", new { contractNumber = "鲁国土出让〔2026〕0815号", signedOn, planConditions });

    public Task<JsonElement> WaitAsync(string id, Func<JsonElement, bool> condition) =>
        PortalDriver.EventuallyAsync(async () =>
        {
            var response = await portal.Applicant().GetAsync($"/api/land-to-start/{id}");
            return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
        }, s => s.ValueKind == JsonValueKind.Object && condition(s));

    public static string StepState(JsonElement status, string key) =>
        status.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("key").GetString() == key).GetProperty("state").GetString()!;

    public static JsonElement Document(JsonElement status, string key) =>
        status.GetProperty("documents").EnumerateArray().Single(d => d.GetProperty("key").GetString() == key);
}
