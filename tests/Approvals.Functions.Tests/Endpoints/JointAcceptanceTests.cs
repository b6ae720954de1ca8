using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Approvals.Functions.Tests.Infrastructure;

namespace Approvals.Functions.Tests.Endpoints;

/// <summary>Joint completion acceptance over HTTP: submission, joint site inspection, opinions, accepted means certified.</summary>
public sealed class JointAcceptanceTests : IDisposable
{
    private readonly AppFactory app = new();
    private PortalDriver Portal => app.Driver;

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Industrial_combined_acceptance_is_inspected_jointly_and_certified_with_archive_and_registration_numbers()
    {
        string[] items = ["JA-PLANNING", "JA-FIRE", "JA-COMPLETION-FILING", "JA-ARCHIVES", "JA-FIRST-REGISTRATION"];
        var codes = new[] { "APPLICATION-FORM", "PLANNING-PERMIT", "SURVEY-RESULTS", "AS-BUILT-DRAWINGS", "COMPLETION-REPORT", "FIRE-INSPECTION-REPORT",
            "QUALITY-SUPERVISION-REPORT", "ARCHIVE-FILES", "LAND-CERT", "PROPERTY-SURVEY", "ARCHIVE-CERT" };
        var materials = new List<object>();
        foreach (var code in codes) materials.Add(new { materialCode = code, materialId = await Portal.UploadAsync("JA " + code) });
        var body = new
        {
            applicant = new { uscc = PortalDriver.Uscc, name = "福州示范建设有限公司" },
            project = new { code = PortalDriver.ProjectCode, name = "示范厂房", type = "industrial", floorArea = 8000, height = 18, occupantDensity = "low", technicalComplexity = "low", socialInvestment = true, keyProject = false },
            procedure = "joint-acceptance",
            acceptanceStages = "combined",
            unit = "1#厂房",
            items,
            materials,
        };
        var response = await Portal.SubmitAsync(body, "ja-1");
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("applicationId").GetString()!;

        var review = await Portal.WaitAsync(id, s => s.GetProperty("status").GetString() == "under-review" && s.GetProperty("tasks").GetArrayLength() > 0);
        Assert.Equal("joint-acceptance", review.GetProperty("procedure").GetString());
        Assert.Equal(3, review.GetProperty("jointAcceptance").GetProperty("totalWorkingDays").GetInt32());
        Assert.Contains(review.GetProperty("steps").EnumerateArray(), st => st.GetProperty("name").GetString() == "site-inspection");

        var tasks = review.GetProperty("tasks").EnumerateArray().Select(t => (Dept: t.GetProperty("department").GetString()!, Item: t.GetProperty("item").GetString()!)).ToList();
        var wrongRoute = await Portal.DecideAsync(tasks[0].Dept, id, tasks[0].Item, "approve");
        Assert.Equal(HttpStatusCode.BadRequest, wrongRoute.StatusCode);

        foreach (var dept in tasks.Select(t => t.Dept).Distinct())
        {
            var findings = await Portal.Department(dept).PostAsJsonAsync($"/api/departments/{dept}/site-findings", new { applicationId = id, findings = "现场查验符合要求 / as built" });
            Assert.Equal(HttpStatusCode.Accepted, findings.StatusCode);
        }
        foreach (var (dept, item) in tasks)
        {
            var opinion = await Portal.Department(dept).PostAsJsonAsync($"/api/departments/{dept}/acceptance-opinions", new { applicationId = id, item, result = "pass", opinion = "合格" });
            Assert.True(opinion.StatusCode == HttpStatusCode.Accepted, await opinion.Content.ReadAsStringAsync());
        }
        var certifying = await Portal.WaitAsync(id, s => s.GetProperty("status").GetString() == "certifying"
            && s.GetProperty("steps").EnumerateArray().Count(st => st.GetProperty("state").GetString() == "in-progress") == 2);
        Assert.Equal("pass", certifying.GetProperty("acceptanceOpinion").GetProperty("result").GetString());

        Assert.Equal(HttpStatusCode.Accepted, (await Portal.Department("ARCH").PostAsJsonAsync("/api/departments/ARCH/certificates",
            new { applicationId = id, step = "archive-certificate", number = "档案-2026-0001" })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await Portal.Department("REG").PostAsJsonAsync("/api/departments/REG/certificates",
            new { applicationId = id, step = "first-registration", number = "闽(2026)福州市不动产权第0000001号" })).StatusCode);

        var closed = await Portal.WaitAsync(id, s => s.GetProperty("status").GetString() == "closed");
        Assert.Equal("档案-2026-0001", closed.GetProperty("jointAcceptance").GetProperty("archiveCertificateNumber").GetString());
        var certificate = closed.GetProperty("certificates").EnumerateArray().Single();
        Assert.Equal("valid", certificate.GetProperty("status").GetString());
    }
}
