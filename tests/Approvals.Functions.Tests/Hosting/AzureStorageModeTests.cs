using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Approvals.Azure.Tests.Infrastructure;
using Approvals.Functions.Tests.Infrastructure;

namespace Approvals.Functions.Tests.Hosting;

/// <summary>
/// The whole app with Storage:Mode=azure on Azurite: the engine on tables and queues, materials in blobs, credit,
/// certificates and records in tables. Same story as the embedded default: certificate valid, then revoked.
/// </summary>
public sealed class AzureStorageModeTests : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly AppFactory app;

    public AzureStorageModeTests(AzuriteFixture azurite) =>
        app = new AppFactory(settings: new Dictionary<string, string>
        {
            ["Storage:Mode"] = "azure",
            ["Storage:ConnectionString"] = azurite.ConnectionString,
        });

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Application_runs_end_to_end_on_azure_storage_and_a_missed_supplement_revokes()
    {
        var portal = app.Driver;
        var health = await portal.Anonymous().GetFromJsonAsync<JsonElement>("/api/health");
        Assert.Equal("healthy", health.GetProperty("status").GetString());

        var id = await portal.SubmitPermitAsync("azure-1", extra: ("DRAWING-REVIEW-CERT", "supplement"));
        await portal.WaitAsync(id, s => s.GetProperty("status").GetString() == "under-review");
        Assert.Equal(HttpStatusCode.Accepted, (await portal.DecideAsync("HUD", id, "CP-PERMIT", "approve")).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await portal.DecideAsync("CAD", id, "CP-CIVILDEF", "approve")).StatusCode);
        var verifying = await portal.WaitAsync(id, s => s.GetProperty("status").GetString() == "verifying"
            && s.GetProperty("commitments").EnumerateArray().All(c => c.GetProperty("dueAt").ValueKind != JsonValueKind.Null));
        var permit = verifying.GetProperty("certificates").EnumerateArray().Single(c => c.GetProperty("item").GetString() == "CP-PERMIT").GetProperty("number").GetString();
        Assert.Equal("valid", (await portal.Anonymous().GetFromJsonAsync<JsonElement>($"/api/certificates/{permit}")).GetProperty("status").GetString());

        Assert.Equal(HttpStatusCode.OK, (await portal.AdvanceAsync(60)).StatusCode);
        await PortalDriver.EventuallyAsync(() => portal.Anonymous().GetFromJsonAsync<JsonElement>($"/api/certificates/{permit}"),
            c => c.GetProperty("status").GetString() == "revoked");
        var credit = await PortalDriver.EventuallyAsync(() => portal.Applicant().GetFromJsonAsync<JsonElement>($"/api/credit/{PortalDriver.Uscc}"),
            c => c.GetProperty("grade").GetString() == "C");
        Assert.True(credit.GetProperty("chainIntact").GetBoolean());
    }
}
