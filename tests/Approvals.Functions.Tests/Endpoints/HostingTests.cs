using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Approvals.Functions.Tests.Infrastructure;

namespace Approvals.Functions.Tests.Endpoints;

public sealed class HostingTests : IDisposable
{
    private readonly AppFactory app = new();

    [Fact]
    public async Task Health_reports_the_engine_and_every_store()
    {
        var response = await app.CreateClient().GetAsync("/api/health");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        Assert.StartsWith("ok", body.GetProperty("checks").GetProperty("engine").GetString());
        foreach (var store in new[] { "materials", "credit", "certificates", "records" })
        {
            Assert.Equal("ok", body.GetProperty("checks").GetProperty(store).GetString());
        }
    }

    [Fact]
    public async Task Dev_clock_starts_at_the_configured_time_and_moves_forward()
    {
        var client = app.CreateClient();
        var now = await client.GetFromJsonAsync<JsonElement>("/api/dev/clock");
        Assert.Equal(AppFactory.Start, now.GetProperty("now").GetDateTimeOffset());

        var moved = await client.PostAsJsonAsync("/api/dev/clock/advance", new { days = 30, hours = 5 });
        var after = await moved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(AppFactory.Start.AddDays(30).AddHours(5), after.GetProperty("now").GetDateTimeOffset());
    }

    [Fact]
    public async Task Dev_clock_refuses_to_move_backward_with_a_problem()
    {
        var response = await app.CreateClient().PostAsJsonAsync("/api/dev/clock/advance", new { days = -1 });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Malformed_json_answers_400_problem_not_500()
    {
        var response = await app.CreateClient().PostAsync("/api/dev/clock/advance", new StringContent("{bad", Encoding.UTF8, "application/json"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("JSON", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Dev_clock_is_absent_outside_development()
    {
        using var production = new AppFactory("Production", Identity.TestTokens.Settings());
        var response = await production.CreateClient().GetAsync("/api/dev/clock");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_wrongly_typed_field_is_named_with_what_it_should_be_not_with_a_dotnet_type()
    {
        var response = await app.CreateClient().PostAsync("/api/dev/clock/advance", new StringContent("""{"days":[30]}""", Encoding.UTF8, "application/json"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = problem.GetProperty("errors");
        Assert.Equal("days must be a number.", errors.GetProperty("days")[0].GetString());
        Assert.DoesNotContain("System.", problem.GetRawText(), StringComparison.Ordinal);

        foreach (var (body, field) in new[] { ("""{"days":"NaN"}""", "days"), ("""{"hours":1e308}""", "hours"), ("""{"days":1e15}""", "days") })
        {
            var refused = await app.CreateClient().PostAsync("/api/dev/clock/advance", new StringContent(body, Encoding.UTF8, "application/json"));
            var named = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.True(named.TryGetProperty(field, out _), $"{body}: {named.GetRawText()}");
        }
    }

    [Fact]
    public async Task Portal_page_is_served_in_chinese_with_english_and_the_root_leads_to_it()
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await client.GetAsync("/api/portal");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("lang=\"zh-CN\"", html);
        Assert.Contains("证照核验 Verify a certificate", html);
        Assert.Equal("/api/portal", (await client.GetAsync("/")).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_phone_scanning_a_certificate_code_is_sent_to_the_verification_page()
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/certificates/CP-2026-000001");
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml");
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/api/portal/verify.html?number=CP-2026-000001", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/certificates/CP-2026-000001")).StatusCode);
    }

    [Fact]
    public async Task OpenApi_document_is_served()
    {
        var response = await app.CreateClient().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public void Dispose() => app.Dispose();
}
