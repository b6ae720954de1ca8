using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Approvals.Functions.Tests.Infrastructure;

namespace Approvals.Functions.Tests.DirectService;

/// <summary>Plays the applicant, the centre (APPROVAL), the teams and the supervisor of 审批服务直通车 over HTTP.</summary>
public sealed class DirectServiceDriver(PortalDriver portal)
{
    public const string Centre = "APPROVAL";

    public static object Booking(bool holdsLand = true, bool urgent = true, params string[] items) => new
    {
        project = new { code = PortalDriver.ProjectCode, name = "示范智能制造产业园", keyLevel = "city" },
        items = items.Length > 0 ? items : ["CP-PLANNING", "CP-PERMIT", "CP-WASTE", "CP-EIA"],
        channel = "portal",
        contact = new { name = "张经理", phone = "0532-8888 6666" },
        holdsLand,
        urgent,
        enterpriseName = "福州示范建设有限公司",
        plan = new object[]
        {
            new { key = "planning", name = "建设工程规划许可", plannedOn = "2026-10-09" },
            new { key = "permit", name = "施工许可", plannedOn = "2026-10-30" },
        },
    };

    public async Task<HttpResponseMessage> BookAsync(object body, string key, HttpClient? client = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/direct-service/bookings") { Content = JsonContent.Create(body) };
        if (key.Length > 0) request.Headers.Add("Idempotency-Key", key);
        return await (client ?? portal.Applicant()).SendAsync(request);
    }

    public async Task<string> BookOkAsync(object body, string key)
    {
        var response = await BookAsync(body, key);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("bookingId").GetString()!;
        await WaitAsync(id, s => s.GetProperty("items").GetArrayLength() > 0);
        return id;
    }

    public Task<HttpResponseMessage> ContactAsync(string id, string team = "T2", string dept = Centre) =>
        portal.Department(dept).PostAsJsonAsync($"/api/direct-service/bookings/{id}/contact", new { team, contactedBy = "中心 刘主任 / Director Liu" });

    public async Task ContactOkAsync(string id, string team = "T2")
    {
        var response = await ContactAsync(id, team);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        await WaitAsync(id, s => s.GetProperty("status").GetString() == "contacted");
    }

    public Task<HttpResponseMessage> VisitAsync(string id, object visit, string dept = Centre) =>
        portal.Department(dept).PostAsJsonAsync($"/api/direct-service/bookings/{id}/visits", visit);

    public Task<HttpResponseMessage> SupplyAsync(string id, string item, params (string Code, string MaterialId)[] documents) =>
        portal.Applicant().PostAsJsonAsync($"/api/direct-service/bookings/{id}/supplies",
            new { item, documents = documents.Select(d => new { materialCode = d.Code, materialId = d.MaterialId }) });

    public Task<JsonElement> WaitAsync(string id, Func<JsonElement, bool> condition) =>
        PortalDriver.EventuallyAsync(async () =>
        {
            var response = await portal.Applicant().GetAsync($"/api/direct-service/bookings/{id}");
            return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
        }, s => s.ValueKind == JsonValueKind.Object && condition(s));

    public static JsonElement Item(JsonElement booking, string code) =>
        booking.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("code").GetString() == code);

    public static string State(JsonElement booking, string code) => Item(booking, code).GetProperty("state").GetString()!;
}
