using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Approvals.Functions.Tests.Infrastructure;

namespace Approvals.Functions.Tests.Calls;

/// <summary>Plays the enterprise, the unit and the supervisor of 呼叫即回应 over HTTP.</summary>
public sealed class CallDriver(PortalDriver portal)
{
    public async Task<HttpResponseMessage> RegisterAsync(object body, string key, string uscc = PortalDriver.Uscc)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/calls") { Content = JsonContent.Create(body) };
        if (key.Length > 0) request.Headers.Add("Idempotency-Key", key);
        return await portal.Applicant(uscc).SendAsync(request);
    }

    public async Task<string> RegisterOkAsync(object body, string key)
    {
        var response = await RegisterAsync(body, key);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        Assert.NotNull(response.Headers.Location);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("callId").GetString()!;
    }

    public Task<HttpResponseMessage> AnswerAsync(string dept, string id, string outcome, string text) =>
        portal.Department(dept).PostAsJsonAsync($"/api/departments/{dept}/calls/{id}/answer", new { outcome, text });

    public Task<HttpResponseMessage> RateAsync(string id, string rating, string? comment = null) =>
        portal.Applicant().PostAsJsonAsync($"/api/calls/{id}/rating", new { rating, comment });

    /// <summary>Polls the enterprise's view of the call until <paramref name="condition"/> holds.</summary>
    public Task<JsonElement> WaitAsync(string id, Func<JsonElement, bool> condition) =>
        PortalDriver.EventuallyAsync(async () =>
        {
            var response = await portal.Applicant().GetAsync($"/api/calls/{id}");
            return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
        }, s => s.ValueKind == JsonValueKind.Object && condition(s));

    public static string Status(JsonElement call) => call.GetProperty("status").GetString()!;
}
