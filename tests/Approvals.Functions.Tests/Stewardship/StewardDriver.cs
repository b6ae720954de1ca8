using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Approvals.Functions.Tests.Infrastructure;

namespace Approvals.Functions.Tests.Stewardship;

/// <summary>Plays the steward (role Steward), the node owners, the project owner and the supervisor of 项目管家 over HTTP.</summary>
public sealed class StewardDriver(PortalDriver portal)
{
    public const string OtherProject = "2609-350102-04-01-654321";

    public static object Plan(params (string Key, string Name, string Kind, string Owner, string PlannedOn)[] nodes) => new
    {
        uscc = PortalDriver.Uscc,
        projectName = "示范智能制造基地",
        steward = new { name = "项目管家 周敏 / steward Zhou Min", phone = "0531-8888 0001" },
        nodes = nodes.Select(n => new { key = n.Key, name = n.Name, kind = n.Kind, owner = n.Owner, plannedOn = n.PlannedOn }),
    };

    public static object StandardPlan(string eiaOn = "2026-09-30") => Plan(
        ("eia", "环评报告编制", "intermediary", "ENV-CONSULT", eiaOn),
        ("permit", "施工许可", "approval", "HUD", "2026-10-20"),
        ("power", "用电报装", "utility", "POWER", "2026-11-30"));

    public Task<HttpResponseMessage> PutAsync(object plan, string code = PortalDriver.ProjectCode) =>
        portal.Steward().PutAsJsonAsync($"/api/projects/{code}/plan", plan);

    public async Task PutOkAsync(object plan, string code = PortalDriver.ProjectCode)
    {
        var response = await PutAsync(plan, code);
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
    }

    public Task<JsonElement> WaitAsync(Func<JsonElement, bool> condition, string code = PortalDriver.ProjectCode) =>
        PortalDriver.EventuallyAsync(async () =>
        {
            var response = await portal.Supervisor().GetAsync($"/api/projects/{code}/plan");
            return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
        }, s => s.ValueKind == JsonValueKind.Object && condition(s));

    public static JsonElement Node(JsonElement plan, string key) => plan.GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("key").GetString() == key);

    public static int Warnings(JsonElement plan, string key) => Node(plan, key).GetProperty("warnings").GetArrayLength();
}
