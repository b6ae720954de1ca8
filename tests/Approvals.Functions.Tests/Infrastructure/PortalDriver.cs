using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Approvals.Functions.Tests.Infrastructure;

/// <summary>Plays the portal, the departments and the supervisor over HTTP against any base address.</summary>
public sealed class PortalDriver(Func<string?, HttpClient> clientAs)
{
    public const string Uscc = "91350100M000100Y43";
    public const string OtherUscc = "91110000600037341L";
    public const string ProjectCode = "2609-350102-04-01-123456";

    public static readonly string[] PermitMaterials =
        ["LAND-CERT", "PLANNING-PERMIT", "CONTRACTOR-CONTRACT", "DRAWING-REVIEW-CERT", "SAFETY-MEASURES", "DESIGN-DRAWINGS", "CIVILDEF-DESIGN"];

    public HttpClient Applicant(string uscc = Uscc) => clientAs($"dev:applicant:{uscc}");
    public HttpClient Department(string dept) => clientAs($"dev:department:{dept}");
    public HttpClient Supervisor() => clientAs("dev:supervisor:li");
    public HttpClient Steward(string name = "zhou") => clientAs($"dev:steward:{name}");
    public HttpClient Anonymous() => clientAs(null);

    public static byte[] Pdf(string text) => [.. "%PDF-1.7\n"u8.ToArray(), .. Encoding.UTF8.GetBytes(text)];

    public async Task<string> UploadAsync(string text, string uscc = Uscc)
    {
        var content = new ByteArrayContent(Pdf(text));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/materials") { Content = content };
        request.Headers.Add("X-File-Name", Uri.EscapeDataString(text + ".pdf"));
        var response = await Applicant(uscc).SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("materialId").GetString()!;
    }

    /// <summary>A permit + civil-defence submission with FUNDS-PROOF committed as <paramref name="fundsClass"/>, the rest uploaded.</summary>
    public async Task<object> PermitSubmissionAsync(string uscc = Uscc, string fundsClass = "retained", params (string Code, string Class)[] extra) =>
        await PermitSubmissionAsync(uscc, fundsClass, highRisk: false, extra);

    /// <summary>As above; <paramref name="highRisk"/> makes it a large crowded public building, so every commitment is checked.</summary>
    public async Task<object> PermitSubmissionAsync(string uscc, string fundsClass, bool highRisk, params (string Code, string Class)[] extra)
    {
        var materials = new List<object>();
        foreach (var code in PermitMaterials.Where(c => extra.All(e => e.Code != c))) materials.Add(new { materialCode = code, materialId = await UploadAsync($"{code} of {uscc}", uscc) });
        return new
        {
            applicant = new { uscc, name = "福州示范建设有限公司" },
            project = highRisk
                ? new { code = ProjectCode, name = "示范体育馆", type = "public", floorArea = 60000, height = 50, occupantDensity = "high", technicalComplexity = "high", socialInvestment = true, keyProject = false }
                : new { code = ProjectCode, name = "示范厂房", type = "industrial", floorArea = 8000, height = 18, occupantDensity = "low", technicalComplexity = "low", socialInvestment = true, keyProject = false },
            procedure = "commitment-approval",
            items = new[] { "CP-PERMIT", "CP-CIVILDEF" },
            materials,
            commitments = new[] { new { materialCode = "FUNDS-PROOF", @class = fundsClass } }.Concat(extra.Select(e => new { materialCode = e.Code, @class = e.Class })).ToArray(),
        };
    }

    public async Task<HttpResponseMessage> SubmitAsync(object body, string key, string uscc = Uscc)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/applications") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await Applicant(uscc).SendAsync(request);
    }

    public async Task<string> SubmitPermitAsync(string key, string uscc = Uscc, params (string Code, string Class)[] extra) =>
        await SubmitPermitAsync(key, uscc, highRisk: false, extra);

    public async Task<string> SubmitPermitAsync(string key, string uscc, bool highRisk, params (string Code, string Class)[] extra)
    {
        var response = await SubmitAsync(await PermitSubmissionAsync(uscc, "retained", highRisk, extra), key, uscc);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("applicationId").GetString()!;
    }

    public async Task<JsonElement> StatusAsync(string id, HttpClient? client = null) =>
        await (client ?? Applicant()).GetFromJsonAsync<JsonElement>($"/api/applications/{id}");

    /// <summary>Polls the status until <paramref name="condition"/> holds (the engine runs in the background).</summary>
    public async Task<JsonElement> WaitAsync(string id, Func<JsonElement, bool> condition, HttpClient? client = null)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var response = await (client ?? Applicant()).GetAsync($"/api/applications/{id}", timeout.Token);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var status = await response.Content.ReadFromJsonAsync<JsonElement>(timeout.Token);
                if (condition(status)) return status;
                if (timeout.IsCancellationRequested) throw new Xunit.Sdk.XunitException($"{id} never reached the expected state: {status}");
            }
            await Task.Delay(50, timeout.Token);
        }
    }

    /// <summary>Polls a reading until it satisfies <paramref name="condition"/> (side effects of activities land shortly after the status).</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var value = await read();
            if (condition(value)) return value;
            if (timeout.IsCancellationRequested) throw new Xunit.Sdk.XunitException($"never reached the expected state; last: {value}");
            await Task.Delay(50, CancellationToken.None);
        }
    }

    public Task<HttpResponseMessage> DecideAsync(string dept, string id, string item, string decision, string? opinion = null, string? messageId = null) =>
        Department(dept).PostAsJsonAsync($"/api/departments/{dept}/decisions", new { messageId, applicationId = id, item, decision, opinion });

    public Task<HttpResponseMessage> AdvanceAsync(double days) => Anonymous().PostAsJsonAsync("/api/dev/clock/advance", new { days });

    public static string State(JsonElement status, string item) =>
        status.GetProperty("tasks").EnumerateArray().Last(t => t.GetProperty("item").GetString() == item).GetProperty("state").GetString()!;
}
