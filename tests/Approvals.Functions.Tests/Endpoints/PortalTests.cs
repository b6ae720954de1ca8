using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Approvals.Functions.Tests.Infrastructure;

namespace Approvals.Functions.Tests.Endpoints;

/// <summary>The applicant's side of api.md: catalog, guidance, materials, submission, status, list, credit.</summary>
public sealed class PortalTests : IDisposable
{
    private readonly AppFactory app = new(settings: new Dictionary<string, string> { ["Portal:MaxMaterialBytes"] = "4096" });
    private PortalDriver Portal => app.Driver;

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Catalog_lists_items_with_materials_and_verification()
    {
        var items = await Portal.Anonymous().GetFromJsonAsync<JsonElement>("/api/catalog/items");
        var permit = items.EnumerateArray().Single(i => i.GetProperty("code").GetString() == "CP-PERMIT");
        Assert.Equal("HUD", permit.GetProperty("department").GetString());
        Assert.True(permit.GetProperty("commitmentAllowed").GetBoolean());
        Assert.Contains(permit.GetProperty("materials").EnumerateArray(), m => m.GetProperty("code").GetString() == "FUNDS-PROOF" && m.GetProperty("commitable").GetBoolean());
        Assert.Equal(JsonValueKind.Number, permit.GetProperty("verification").GetProperty("withinWorkingDays").ValueKind);
    }

    [Fact]
    public async Task Guide_answers_items_materials_and_steps_and_names_a_bad_stage()
    {
        var ok = await Portal.Anonymous().PostAsJsonAsync("/api/guide", new { projectType = "industrial", stage = "construction", answers = new { civilAirDefence = true } });
        var body = await ok.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(body.GetProperty("items").EnumerateArray(), i => i.GetString() == "CP-CIVILDEF");
        Assert.NotEmpty(body.GetProperty("steps").EnumerateArray());

        var bad = await Portal.Anonymous().PostAsJsonAsync("/api/guide", new { projectType = "castle", stage = "demolition" });
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("stage", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("projectType", out _));
    }

    [Fact]
    public async Task Upload_is_typed_by_content_and_refused_when_too_large_or_not_a_document()
    {
        var id = await Portal.UploadAsync("land certificate");
        Assert.Matches("^[0-9a-f]{64}$", id);

        var text = new StringContent("just text pretending", Encoding.UTF8);
        text.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var refused = await Portal.Applicant().PostAsync("/api/materials", text);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);

        var big = new ByteArrayContent([.. PortalDriver.Pdf("big"), .. new byte[10_000]]);
        big.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var tooLarge = await Portal.Applicant().PostAsync("/api/materials", big);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
    }

    [Fact]
    public async Task Submission_answers_202_with_location_and_the_same_key_and_body_answer_the_same()
    {
        var body = await Portal.PermitSubmissionAsync();
        var first = await Portal.SubmitAsync(body, "key-1");
        var again = await Portal.SubmitAsync(body, "key-1");

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        var id = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("applicationId").GetString()!;
        Assert.Equal($"/api/applications/{id}", first.Headers.Location?.OriginalString);
        Assert.Equal(id, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("applicationId").GetString());

        var status = await Portal.WaitAsync(id, s => s.GetProperty("status").GetString() == "under-review");
        Assert.Equal(2, status.GetProperty("tasks").GetArrayLength());
        var (page, _) = (await Portal.Applicant().GetFromJsonAsync<JsonElement>("/api/applications"), 0);
        Assert.Single(page.GetProperty("items").EnumerateArray());

        var reused = await Portal.SubmitAsync(await Portal.PermitSubmissionAsync(fundsClass: "on-site"), "key-1");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
    }

    [Fact]
    public async Task Bad_submission_names_every_problem_at_once_and_starts_nothing()
    {
        var body = new
        {
            applicant = new { uscc = "91350100M000100Y44", name = "" },
            project = new { code = "bad", name = "x", type = "castle", floorArea = -5, height = 10, occupantDensity = "low", technicalComplexity = "low" },
            procedure = "commitment-approval",
            items = new[] { "CP-PERMIT", "CP-UNKNOWN" },
            materials = new[] { new { materialCode = "LAND-CERT", materialId = "abc" } },
        };
        var response = await Portal.SubmitAsync(body, "bad-1");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        foreach (var field in new[] { "applicant.uscc", "applicant.name", "project.code", "project.type", "project.floorArea", "items[1]", "materials[0].materialId" })
        {
            Assert.Contains(field, fields);
        }
        var list = await Portal.Applicant().GetFromJsonAsync<JsonElement>("/api/applications");
        Assert.Empty(list.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Malformed_json_wrong_content_type_and_missing_key_are_4xx_problems()
    {
        var malformed = new HttpRequestMessage(HttpMethod.Post, "/api/applications") { Content = new StringContent("{\"applicant\":", Encoding.UTF8, "application/json") };
        malformed.Headers.Add("Idempotency-Key", "m");
        Assert.Equal(HttpStatusCode.BadRequest, (await Portal.Applicant().SendAsync(malformed)).StatusCode);

        var wrongType = new HttpRequestMessage(HttpMethod.Post, "/api/applications") { Content = new StringContent("applicant=x", Encoding.UTF8, "application/x-www-form-urlencoded") };
        wrongType.Headers.Add("Idempotency-Key", "w");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await Portal.Applicant().SendAsync(wrongType)).StatusCode);

        var huge = new HttpRequestMessage(HttpMethod.Post, "/api/applications") { Content = new StringContent("{\"note\":\"" + new string('x', 300_000) + "\"}", Encoding.UTF8, "application/json") };
        huge.Headers.Add("Idempotency-Key", "h");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await Portal.Applicant().SendAsync(huge)).StatusCode);

        var noKey = await Portal.Applicant().PostAsJsonAsync("/api/applications", new { });
        var problem = await noKey.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.BadRequest, noKey.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("Idempotency-Key", out _));
    }

    [Fact]
    public async Task Another_applicant_sees_404_for_my_application_and_my_credit()
    {
        var id = await Portal.SubmitPermitAsync("mine");
        var other = Portal.Applicant(PortalDriver.OtherUscc);

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/applications/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/credit/{PortalDriver.Uscc}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Portal.Applicant().GetAsync("/api/applications/APP-NOPE")).StatusCode);

        var credit = await Portal.Applicant().GetFromJsonAsync<JsonElement>($"/api/credit/{PortalDriver.Uscc}");
        Assert.Equal("B", credit.GetProperty("grade").GetString());
        Assert.True(credit.GetProperty("commitmentAllowed").GetBoolean());
    }

    [Fact]
    public async Task Citing_another_applicants_material_is_refused()
    {
        var foreign = await Portal.UploadAsync("not yours", PortalDriver.OtherUscc);
        var body = JsonSerializer.SerializeToNode(await Portal.PermitSubmissionAsync())!;
        body["materials"]![0]!["materialId"] = foreign;

        var response = await Portal.SubmitAsync(body, "steal");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("materials[0].materialId", out _));
    }

    [Fact]
    public async Task Applicant_answers_a_one_time_notice_once_and_supplies_a_committed_material_which_the_department_checks()
    {
        var id = await Portal.SubmitPermitAsync("flow", extra: ("DRAWING-REVIEW-CERT", "supplement"));
        await Portal.WaitAsync(id, s => s.GetProperty("status").GetString() == "under-review");
        await Portal.DecideAsync("HUD", id, "CP-PERMIT", "approve");
        await Portal.DecideAsync("CAD", id, "CP-CIVILDEF", "corrections", "补充说明");
        var notice = await Portal.WaitAsync(id, s => s.GetProperty("status").GetString() == "awaiting-corrections");
        Assert.Equal("one-time-notice", notice.GetProperty("notices")[0].GetProperty("kind").GetString());
        var listed = await Portal.Applicant().GetFromJsonAsync<JsonElement>("/api/applications?status=awaiting-corrections");
        Assert.Single(listed.GetProperty("items").EnumerateArray());

        var fix = await Portal.UploadAsync("补充说明 revised design");
        var answer = await Portal.Applicant().PostAsJsonAsync($"/api/applications/{id}/resubmission", new { materials = new[] { new { materialCode = "CIVILDEF-DESIGN", materialId = fix } }, note = "done" });
        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        await Portal.WaitAsync(id, s => s.GetProperty("status").GetString() == "under-review");
        var twice = await Portal.Applicant().PostAsJsonAsync($"/api/applications/{id}/resubmission", new { materials = Array.Empty<object>(), note = "again" });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);

        await Portal.WaitAsync(id, s => s.GetProperty("tasks").EnumerateArray().Any(t => t.GetProperty("round").GetInt32() == 2));
        await Portal.DecideAsync("CAD", id, "CP-CIVILDEF", "approve");
        await Portal.WaitAsync(id, s => s.GetProperty("status").GetString() == "verifying");

        var drawing = await Portal.UploadAsync("drawing review certificate");
        var supply = await Portal.Applicant().PostAsJsonAsync($"/api/applications/{id}/materials", new { materialCode = "DRAWING-REVIEW-CERT", materialId = drawing });
        Assert.Equal(HttpStatusCode.Accepted, supply.StatusCode);
        var supplied = await Portal.WaitAsync(id, s => s.GetProperty("commitments").EnumerateArray().Any(c => c.GetProperty("status").GetString() == "supplied"));
        var again = await Portal.Applicant().PostAsJsonAsync($"/api/applications/{id}/materials", new { materialCode = "DRAWING-REVIEW-CERT", materialId = drawing });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        var commitmentId = supplied.GetProperty("commitments").EnumerateArray().Single(c => c.GetProperty("materialCode").GetString() == "DRAWING-REVIEW-CERT").GetProperty("id").GetString();
        var inbox = await Portal.Department("HUD").GetFromJsonAsync<JsonElement>("/api/departments/HUD/tasks");
        Assert.Contains(inbox.EnumerateArray(), e => e.GetProperty("commitmentId").GetString() == commitmentId);
        Assert.Equal(HttpStatusCode.Accepted, (await Portal.Department("HUD").PostAsJsonAsync("/api/departments/HUD/inspections", new { commitmentId, result = "pass", findings = "genuine" })).StatusCode);
        await Portal.WaitAsync(id, s => s.GetProperty("commitments").EnumerateArray().Any(c => c.GetProperty("id").GetString() == commitmentId && c.GetProperty("status").GetString() == "fulfilled"));
    }
}
