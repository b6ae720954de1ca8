using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Approvals.Functions.Tests.Infrastructure;

namespace Approvals.Functions.Tests.Utilities;

/// <summary>Plays the applicant, the utility companies and the supervisor of 联合报装 over HTTP.</summary>
public sealed class UtilityDriver(PortalDriver portal)
{
    public async Task<HttpResponseMessage> SubmitAsync(object body, string key, string uscc = PortalDriver.Uscc)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/utilities/applications") { Content = JsonContent.Create(body) };
        if (key.Length > 0) request.Headers.Add("Idempotency-Key", key);
        return await portal.Applicant(uscc).SendAsync(request);
    }

    public async Task<string> SubmitOkAsync(object body, string key)
    {
        var response = await SubmitAsync(body, key);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        Assert.NotNull(response.Headers.Location);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseId").GetString()!;
    }

    public Task<HttpResponseMessage> AnswerAsync(string utility, string id, string step, decimal? fee = null, string[]? attendees = null) =>
        portal.Department(utility).PostAsJsonAsync($"/api/utilities/applications/{id}/answers", new { step, fee, attendees, note = $"{utility} {step}" });

    public async Task AnswerOkAsync(string utility, string id, string step, decimal? fee = null, string[]? attendees = null)
    {
        var response = await AnswerAsync(utility, id, step, fee, attendees);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        await WaitAsync(id, s => Track(s, utility).GetProperty("step").GetString() == step);
    }

    public Task<HttpResponseMessage> RequestConnectionAsync(string id) =>
        portal.Applicant().PostAsync($"/api/utilities/applications/{id}/connection", null);

    /// <summary>Polls the applicant's view of the case until <paramref name="condition"/> holds.</summary>
    public Task<JsonElement> WaitAsync(string id, Func<JsonElement, bool> condition) =>
        PortalDriver.EventuallyAsync(async () =>
        {
            var response = await portal.Applicant().GetAsync($"/api/utilities/applications/{id}");
            return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
        }, s => s.ValueKind == JsonValueKind.Object && condition(s));

    public static JsonElement Track(JsonElement status, string utility) =>
        status.GetProperty("tracks").EnumerateArray().Single(t => t.GetProperty("utility").GetString() == utility);

    public static string? Light(JsonElement status, string utility) => Track(status, utility).GetProperty("light").GetString();
}
