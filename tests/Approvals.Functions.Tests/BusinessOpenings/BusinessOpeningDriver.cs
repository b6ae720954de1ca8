using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Approvals.Functions.Tests.Infrastructure;

namespace Approvals.Functions.Tests.BusinessOpenings;

/// <summary>Plays the founder, the departments and the supervisor of 开户即开业 over HTTP.</summary>
public sealed class BusinessOpeningDriver(PortalDriver portal)
{
    /// <summary>A founder has no company (and no USCC) yet: the dev token names the person.</summary>
    public const string Founder = "FOUNDER-WANG";
    public const string OtherFounder = "FOUNDER-LI";

    public HttpClient FounderClient(string founder = Founder) => portal.Applicant(founder);

    /// <summary>A salon (commitment permit) and pre-packaged food sales (filing), the salon's commitment signed.</summary>
    public static object SalonAndFood(string name = "济宁高新区示范美业有限公司") => new
    {
        companyName = name,
        founderName = "王芳",
        businessScope = "美容美发服务；预包装食品销售 / hair and beauty services; sale of pre-packaged food",
        items = new[] { "SALON", "FOOD-PREPACKAGED" },
        commitments = new[] { "SALON" },
    };

    public async Task<HttpResponseMessage> SubmitAsync(object body, string key, string founder = Founder)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/business-openings") { Content = JsonContent.Create(body) };
        if (key.Length > 0) request.Headers.Add("Idempotency-Key", key);
        return await FounderClient(founder).SendAsync(request);
    }

    public async Task<string> SubmitOkAsync(object body, string key)
    {
        var response = await SubmitAsync(body, key);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseId").GetString()!;
        Assert.Equal($"/api/business-openings/{id}", response.Headers.Location?.OriginalString);
        return id;
    }

    public Task<HttpResponseMessage> PostCheckAsync(string dept, string id, string item, string outcome, string? finding = null) =>
        portal.Department(dept).PostAsJsonAsync($"/api/business-openings/{id}/post-check", new { item, outcome, finding });

    /// <summary>Polls the founder's view of the case until <paramref name="condition"/> holds.</summary>
    public Task<JsonElement> WaitAsync(string id, Func<JsonElement, bool> condition) =>
        PortalDriver.EventuallyAsync(async () =>
        {
            var response = await FounderClient().GetAsync($"/api/business-openings/{id}");
            return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
        }, s => s.ValueKind == JsonValueKind.Object && condition(s));

    /// <summary>Waits until the licence and permits are issued and every post-check is due.</summary>
    public Task<JsonElement> IssuedAsync(string id) =>
        WaitAsync(id, s => Status(s) == "post-check-due" && s.GetProperty("items").EnumerateArray().All(i => PostCheck(i).GetProperty("status").GetString() == "due"));

    public static string Status(JsonElement opening) => opening.GetProperty("status").GetString()!;

    public static JsonElement Item(JsonElement opening, string code) => opening.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("code").GetString() == code);

    public static JsonElement PostCheck(JsonElement item) => item.GetProperty("postCheck");

    public async Task<JsonElement> CertificateAsync(string number)
    {
        var response = await portal.Anonymous().GetAsync($"/api/certificates/{number}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
