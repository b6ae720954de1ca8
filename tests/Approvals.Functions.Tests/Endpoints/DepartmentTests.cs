using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Approvals.Functions.Tests.Infrastructure;

namespace Approvals.Functions.Tests.Endpoints;

/// <summary>Departments over HTTP: inbox, decisions on their own items only, the first decision stands, inspections.</summary>
public sealed class DepartmentTests : IDisposable
{
    private readonly AppFactory app = new();
    private PortalDriver Portal => app.Driver;

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Inbox_lists_the_departments_pending_items_with_lights()
    {
        var id = await Portal.SubmitPermitAsync("inbox");
        await Portal.WaitAsync(id, s => s.GetProperty("status").GetString() == "under-review");

        var inbox = await Portal.Department("HUD").GetFromJsonAsync<JsonElement>("/api/departments/HUD/tasks?state=pending");
        var entry = Assert.Single(inbox.EnumerateArray());
        Assert.Equal("CP-PERMIT", entry.GetProperty("item").GetString());
        Assert.Equal("green", entry.GetProperty("light").GetString());
        Assert.Equal(TimeSpan.FromHours(8), entry.GetProperty("dueAt").GetDateTimeOffset().Offset);

        Assert.Equal(HttpStatusCode.Forbidden, (await Portal.Department("CAD").GetAsync("/api/departments/HUD/tasks")).StatusCode);
    }

    [Fact]
    public async Task Decision_on_another_departments_item_is_403_unknown_application_404_and_a_second_decision_409()
    {
        var id = await Portal.SubmitPermitAsync("decide");
        await Portal.WaitAsync(id, s => s.GetProperty("status").GetString() == "under-review");

        Assert.Equal(HttpStatusCode.Forbidden, (await Portal.DecideAsync("CAD", id, "CP-PERMIT", "approve")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Portal.DecideAsync("HUD", "APP-NOPE", "CP-PERMIT", "approve")).StatusCode);
        var badBody = await Portal.DecideAsync("HUD", id, "CP-PERMIT", "maybe");
        Assert.Equal(HttpStatusCode.BadRequest, badBody.StatusCode);

        Assert.Equal(HttpStatusCode.Accepted, (await Portal.DecideAsync("HUD", id, "CP-PERMIT", "approve", "同意")).StatusCode);
        await Portal.WaitAsync(id, s => PortalDriver.State(s, "CP-PERMIT") == "approved");
        var second = await Portal.DecideAsync("HUD", id, "CP-PERMIT", "reject");
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("first decision stands", (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task All_approve_issues_verifiable_certificates_and_a_failed_on_site_inspection_revokes_only_its_items()
    {
        var id = await Portal.SubmitPermitAsync("certs", PortalDriver.Uscc, highRisk: true, ("SAFETY-MEASURES", "on-site"));
        await Portal.WaitAsync(id, s => s.GetProperty("status").GetString() == "under-review");
        await Portal.DecideAsync("HUD", id, "CP-PERMIT", "approve");
        await Portal.DecideAsync("CAD", id, "CP-CIVILDEF", "approve");
        var verifying = await Portal.WaitAsync(id, s => s.GetProperty("status").GetString() == "verifying");

        var numbers = verifying.GetProperty("certificates").EnumerateArray().Select(c => c.GetProperty("number").GetString()!).ToList();
        Assert.Equal(2, numbers.Count);
        var certificate = await Portal.Anonymous().GetFromJsonAsync<JsonElement>($"/api/certificates/{numbers[0]}");
        Assert.Equal("valid", certificate.GetProperty("status").GetString());

        var onSite = verifying.GetProperty("commitments").EnumerateArray().Single(c => c.GetProperty("materialCode").GetString() == "SAFETY-MEASURES");
        var inspection = await Portal.Department("HUD").PostAsJsonAsync("/api/departments/HUD/inspections",
            new { commitmentId = onSite.GetProperty("id").GetString(), result = "false", findings = "no safety plan on site" });
        Assert.Equal(HttpStatusCode.Accepted, inspection.StatusCode);

        var revoked = await Portal.WaitAsync(id, s => s.GetProperty("certificates").EnumerateArray().Any(c => c.GetProperty("status").GetString() == "revoked"));
        var permit = revoked.GetProperty("certificates").EnumerateArray().Single(c => c.GetProperty("item").GetString() == "CP-PERMIT");
        var civil = revoked.GetProperty("certificates").EnumerateArray().Single(c => c.GetProperty("item").GetString() == "CP-CIVILDEF");
        Assert.Equal("revoked", permit.GetProperty("status").GetString());
        Assert.Equal("valid", civil.GetProperty("status").GetString());
        var publicView = await Portal.Anonymous().GetFromJsonAsync<JsonElement>($"/api/certificates/{permit.GetProperty("number").GetString()}");
        Assert.Equal("revoked", publicView.GetProperty("status").GetString());

        var credit = await PortalDriver.EventuallyAsync(() => Portal.Applicant().GetFromJsonAsync<JsonElement>($"/api/credit/{PortalDriver.Uscc}"),
            c => c.GetProperty("grade").GetString() == "D");
        Assert.False(credit.GetProperty("commitmentAllowed").GetBoolean());
        Assert.True(credit.GetProperty("chainIntact").GetBoolean());

        var project = await Portal.Anonymous().GetFromJsonAsync<JsonElement>($"/api/projects/{PortalDriver.ProjectCode}");
        Assert.Contains(project.GetProperty("certificates").EnumerateArray(), c => c.GetProperty("status").GetString() == "revoked");

        var next = await Portal.SubmitAsync(await Portal.PermitSubmissionAsync(), "after-false");
        Assert.Equal(HttpStatusCode.BadRequest, next.StatusCode);
        Assert.Contains("commitment route refused", await next.Content.ReadAsStringAsync());

        var repair = await Portal.Supervisor().PostAsJsonAsync($"/api/credit/{PortalDriver.Uscc}/repairs", new { reference = $"{id}/{onSite.GetProperty("id").GetString()}", reason = "asked too early" });
        Assert.Equal(HttpStatusCode.Conflict, repair.StatusCode);
    }

    [Fact]
    public async Task Two_decisions_at_once_one_is_202_and_the_other_409_problem_json_with_the_reason()
    {
        var id = await Portal.SubmitPermitAsync("race");
        await Portal.WaitAsync(id, s => s.GetProperty("status").GetString() == "under-review");

        var answers = await Task.WhenAll(Portal.DecideAsync("HUD", id, "CP-PERMIT", "approve", "同意"), Portal.DecideAsync("HUD", id, "CP-PERMIT", "reject", "不同意"));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Accepted);
        var refused = Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Conflict);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("already decided", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_decision_without_messageId_retried_is_answered_as_a_duplicate_not_a_new_decision()
    {
        var id = await Portal.SubmitPermitAsync("retry-no-id");
        await Portal.WaitAsync(id, s => s.GetProperty("status").GetString() == "under-review");

        var first = await Portal.DecideAsync("HUD", id, "CP-PERMIT", "approve", "同意");
        var retry = await Portal.DecideAsync("HUD", id, "CP-PERMIT", "approve", "同意");

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        Assert.Equal("duplicate", (await retry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("result").GetString());
    }
}
