using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Approvals.Functions.Tests.Infrastructure;

namespace Approvals.Functions.Tests.Endpoints;

/// <summary>
/// The custom handler's triggers, posted in the Functions host's shapes: the Service Bus department-responses
/// message (applied, duplicate, dead-lettered with its reason) and the two timers.
/// </summary>
public sealed class QueueAndTimerTests : IDisposable
{
    private readonly AppFactory app = new();
    private PortalDriver Portal => app.Driver;

    public void Dispose() => app.Dispose();

    private Task<HttpResponseMessage> DeliverAsync(object message, string messageId) =>
        Portal.Anonymous().PostAsJsonAsync("/DepartmentResponse", new
        {
            Data = new { message = JsonSerializer.Serialize(message) },
            Metadata = new { MessageId = messageId, DeliveryCount = 1, EnqueuedTimeUtc = "2026-09-28T01:00:00Z" },
        });

    [Fact]
    public async Task Service_bus_message_is_applied_once_and_the_unusable_ones_are_dead_lettered_with_their_reason()
    {
        var id = await Portal.SubmitPermitAsync("queue");
        await Portal.WaitAsync(id, s => s.GetProperty("status").GetString() == "under-review");
        var approve = new { messageId = "sb-1", applicationId = id, department = "HUD", item = "CP-PERMIT", decision = "approve", opinion = "同意", reviewer = "王工", decidedAt = "2026-09-28T10:00:00+08:00" };

        var first = await (await DeliverAsync(approve, "sb-1")).Content.ReadFromJsonAsync<JsonElement>();
        var again = await (await DeliverAsync(approve, "sb-1")).Content.ReadFromJsonAsync<JsonElement>();
        var malformed = await Portal.Anonymous().PostAsJsonAsync("/DepartmentResponse", new { Data = new { message = "{not json" }, Metadata = new { MessageId = "sb-bad" } });
        var unknown = await (await DeliverAsync(new { messageId = "sb-3", applicationId = "APP-NOPE", department = "HUD", item = "CP-PERMIT", decision = "approve" }, "sb-3")).Content.ReadFromJsonAsync<JsonElement>();
        var foreign = await (await DeliverAsync(new { messageId = "sb-4", applicationId = id, department = "CAD", item = "CP-PERMIT", decision = "approve" }, "sb-4")).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("applied", first.GetProperty("ReturnValue").GetString());
        Assert.Equal("duplicate", again.GetProperty("ReturnValue").GetString());
        Assert.Equal(HttpStatusCode.OK, malformed.StatusCode);
        Assert.Equal("dead-lettered", unknown.GetProperty("ReturnValue").GetString());
        Assert.Equal("dead-lettered", foreign.GetProperty("ReturnValue").GetString());

        await Portal.WaitAsync(id, s => PortalDriver.State(s, "CP-PERMIT") == "approved");
        var letters = await Portal.Supervisor().GetFromJsonAsync<JsonElement>("/api/supervision/dead-letters");
        var reasons = letters.EnumerateArray().Select(l => l.GetProperty("reason").GetString()!).ToList();
        Assert.Equal(3, reasons.Count);
        Assert.Contains(reasons, r => r.StartsWith("malformed", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Contains("APP-NOPE", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Contains("CAD", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Local_embedded_queue_feeds_the_same_handler()
    {
        var id = await Portal.SubmitPermitAsync("local-queue");
        await Portal.WaitAsync(id, s => s.GetProperty("status").GetString() == "under-review");

        var queued = await Portal.Anonymous().PostAsJsonAsync("/api/dev/queues/department-responses",
            new { messageId = "lq-1", applicationId = id, department = "CAD", item = "CP-CIVILDEF", decision = "corrections", opinion = "补充人防设计说明" });
        Assert.Equal(HttpStatusCode.Accepted, queued.StatusCode);

        var status = await Portal.WaitAsync(id, s => PortalDriver.State(s, "CP-CIVILDEF") == "corrections");
        Assert.Equal("补充人防设计说明", status.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("item").GetString() == "CP-CIVILDEF").GetProperty("opinion").GetString());
    }

    [Fact]
    public async Task Timer_invocations_run_the_audit_and_the_monthly_report()
    {
        var timer = new { Data = new { timer = new { Schedule = new { AdjustForDST = true }, IsPastDue = false } }, Metadata = new { } };

        var audit = await (await Portal.Anonymous().PostAsJsonAsync("/CommitmentAudit", timer)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("commitment audit:", audit.GetProperty("Logs")[0].GetString());
        var latest = await Portal.Supervisor().GetFromJsonAsync<JsonElement>("/api/audits/latest");
        Assert.Equal(AppFactory.Start, latest.GetProperty("runAt").GetDateTimeOffset());

        var notFirst = await (await Portal.Anonymous().PostAsJsonAsync("/MonthlyReport", timer)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("not the 1st", notFirst.GetProperty("Logs")[0].GetString());
    }
}
