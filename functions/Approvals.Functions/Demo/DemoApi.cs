using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Approvals.Functions.Demo;

/// <summary>The demo's hands: the public HTTP API of a running app, called as the portal, departments and supervisor would.</summary>
internal sealed class DemoApi(Uri baseAddress)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public HttpClient As(string? token)
    {
        var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static string Applicant(string uscc) => $"dev:applicant:{uscc}";
    public static string Department(string dept) => $"dev:department:{dept}";
    public const string Supervisor = "dev:supervisor:demo";

    public async Task<string> UploadAsync(string uscc, string name)
    {
        var content = new ByteArrayContent([.. "%PDF-1.7\n"u8.ToArray(), .. Encoding.UTF8.GetBytes($"{name} / {uscc}")]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/materials") { Content = content };
        request.Headers.Add("X-File-Name", Uri.EscapeDataString(name + ".pdf"));
        return (await ReadAsync(await As(Applicant(uscc)).SendAsync(request)))["materialId"]!.GetValue<string>();
    }

    public async Task<(int Status, JsonNode Body)> SubmitAsync(string uscc, object submission, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/applications") { Content = JsonContent.Create(submission, options: Json) };
        request.Headers.Add("Idempotency-Key", key);
        var response = await As(Applicant(uscc)).SendAsync(request);
        return ((int)response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    public async Task<JsonNode> GetAsync(string token, string path) => await ReadAsync(await As(token).GetAsync(path));

    public async Task<JsonNode> PostAsync(string? token, string path, object body) => await ReadAsync(await As(token).PostAsJsonAsync(path, body, Json));

    /// <summary>Starts a case (a call, a booking, a utilities application …) with its idempotency key.</summary>
    public async Task<JsonNode> StartAsync(string token, string path, object body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, options: Json) };
        request.Headers.Add("Idempotency-Key", key);
        return await ReadAsync(await As(token).SendAsync(request));
    }

    /// <summary>Polls an application until <paramref name="condition"/> holds: the engine works in the background.</summary>
    public Task<JsonNode> WaitAsync(string uscc, string id, Func<JsonNode, bool> condition, string what) =>
        WaitForAsync(Applicant(uscc), $"/api/applications/{id}", condition, what);

    /// <summary>Polls any case's status at <paramref name="path"/> until <paramref name="condition"/> holds.</summary>
    public async Task<JsonNode> WaitForAsync(string token, string path, Func<JsonNode, bool> condition, string what)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var response = await As(token).GetAsync(path, CancellationToken.None);
            if (response.IsSuccessStatusCode)
            {
                var status = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                if (condition(status)) return status;
            }
            if (timeout.IsCancellationRequested) throw new InvalidOperationException($"{path} did not reach '{what}' within a minute");
            await Task.Delay(50, CancellationToken.None);
        }
    }

    public Task<JsonNode> AdvanceAsync(double days) => PostAsync(null, "/api/dev/clock/advance", new { days });

    private static async Task<JsonNode> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{(int)response.StatusCode} from {response.RequestMessage?.RequestUri}: {text}");
        return JsonNode.Parse(text)!;
    }
}
