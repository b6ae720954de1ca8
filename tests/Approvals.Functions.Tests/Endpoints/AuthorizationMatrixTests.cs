using System.Net;
using System.Net.Http.Json;
using Approvals.Functions.Tests.Infrastructure;

namespace Approvals.Functions.Tests.Endpoints;

/// <summary>
/// Every endpoint of api.md against every role: anonymous, the owning applicant, another applicant, the owning
/// department, another department, the supervisor. Each cell is the status a real caller gets.
/// </summary>
public sealed class AuthorizationMatrixTests : IClassFixture<AuthorizationMatrixTests.Seeded>
{
    private readonly Seeded seeded;

    public AuthorizationMatrixTests(Seeded seeded) => this.seeded = seeded;

    /// <summary>One app with one application under review, shared by the rows.</summary>
    public sealed class Seeded : IAsyncLifetime
    {
        public AppFactory App { get; } = new();
        public string ApplicationId { get; private set; } = "";
        public string MaterialId { get; private set; } = "";

        public async Task InitializeAsync()
        {
            ApplicationId = await App.Driver.SubmitPermitAsync("matrix");
            MaterialId = await App.Driver.UploadAsync("matrix material");
            await App.Driver.WaitAsync(ApplicationId, s => s.GetProperty("status").GetString() == "under-review");
        }

        public Task DisposeAsync()
        {
            App.Dispose();
            return Task.CompletedTask;
        }
    }

    private static readonly string[] Callers = ["anonymous", "owner", "other-applicant", "HUD", "NRP", "supervisor"];

    private HttpClient As(string caller) => caller switch
    {
        "anonymous" => seeded.App.Driver.Anonymous(),
        "owner" => seeded.App.Driver.Applicant(),
        "other-applicant" => seeded.App.Driver.Applicant(PortalDriver.OtherUscc),
        "supervisor" => seeded.App.Driver.Supervisor(),
        _ => seeded.App.Driver.Department(caller),
    };

    // Expected status per caller, in the order of Callers: anonymous, owner, other applicant, HUD (reviews the
    // application), NRP (does not), supervisor. Write calls use bodies that are valid but change nothing lasting.
    public static TheoryData<string, string, string, int[]> Rows => new()
    {
        { "GET", "/api/catalog/items", "", [200, 200, 200, 200, 200, 200] },
        { "POST", "/api/guide", """{"stage":"construction"}""", [200, 200, 200, 200, 200, 200] },
        { "GET", "/api/health", "", [200, 200, 200, 200, 200, 200] },
        { "GET", "/api/applications/{id}", "", [401, 200, 404, 200, 404, 200] },
        { "GET", "/api/applications", "", [401, 200, 200, 403, 403, 200] },
        { "POST", "/api/applications/{id}/materials", """{"materialCode":"NOPE","materialId":"{material}"}""", [401, 404, 404, 403, 403, 403] },
        { "POST", "/api/applications/{id}/resubmission", """{"materials":[],"note":"x"}""", [401, 409, 404, 403, 403, 403] },
        { "POST", "/api/materials", "%PDF-1.7 matrix", [401, 201, 201, 403, 403, 403] },
        { "GET", "/api/credit/91350100M000100Y43", "", [401, 200, 404, 404, 404, 200] },
        { "POST", "/api/credit/91350100M000100Y43/repairs", """{"reference":"none"}""", [401, 403, 403, 403, 403, 409] },
        { "GET", "/api/departments/HUD/tasks", "", [401, 403, 403, 200, 403, 403] },
        { "POST", "/api/departments/HUD/decisions", """{"applicationId":"{id}","item":"CP-PERMIT","decision":"sideways"}""", [401, 403, 403, 400, 403, 403] },
        { "POST", "/api/departments/HUD/inspections", """{"commitmentId":"none","result":"pass"}""", [401, 403, 403, 404, 403, 403] },
        { "GET", "/api/supervision/lights", "", [401, 403, 403, 403, 403, 200] },
        { "GET", "/api/audits/latest", "", [401, 403, 403, 403, 403, 404] },
        { "GET", "/api/reports/monthly?month=2026-09", "", [401, 403, 403, 403, 403, 200] },
        { "GET", "/api/certificates/NOPE-1", "", [404, 404, 404, 404, 404, 404] },
        { "GET", "/api/projects/2609-350102-04-01-123456", "", [200, 200, 200, 200, 200, 200] },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Each_role_gets_the_status_api_md_promises(string method, string path, string body, int[] expected)
    {
        path = path.Replace("{id}", seeded.ApplicationId, StringComparison.Ordinal);
        body = body.Replace("{id}", seeded.ApplicationId, StringComparison.Ordinal).Replace("{material}", seeded.MaterialId, StringComparison.Ordinal);
        var actual = new List<int>();
        foreach (var caller in Callers)
        {
            var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method == "POST")
            {
                request.Content = path == "/api/materials"
                    ? new ByteArrayContent(PortalDriver.Pdf(body + caller)) { Headers = { ContentType = new("application/pdf") } }
                    : new StringContent(body, System.Text.Encoding.UTF8, "application/json");
            }
            var response = await As(caller).SendAsync(request);
            actual.Add((int)response.StatusCode);
            if (response.StatusCode >= HttpStatusCode.BadRequest && response.StatusCode != HttpStatusCode.Unauthorized)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }
        Assert.Equal(string.Join(",", expected), string.Join(",", actual));
    }
}
