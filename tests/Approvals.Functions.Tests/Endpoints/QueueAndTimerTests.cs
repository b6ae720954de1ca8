using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Approvals.Functions.Tests.Infrastructure;

namespace Approvals.Functions.Tests.Endpoints;

/// <summary>
/// The queue-triggered function <c>DepartmentResponse</c>, fed by the embedded <c>department-responses</c> queue as
/// the Functions host feeds it from Azure Storage: applied once, duplicates absorbed, the unusable dead-lettered with
/// their reason.
/// </summary>
public sealed class QueueAndTimerTests : IDisposable
{
    private readonly AppFactory app = new();
    private PortalDriver Portal => app.Driver;

    public void Dispose() => app.Dispose();

    private async Task EnqueueAsync(string body)
    {
        var queued = await Portal.Anonymous().PostAsync("/api/dev/queues/department-responses", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Accepted, queued.StatusCode);
    }

    private async Task<List<string>> DeadLetterReasonsAsync(int atLeast)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var letters = await Portal.Supervisor().GetFromJsonAsync<JsonElement>("/api/supervision/dead-letters");
            var reasons = letters.EnumerateArray().Select(l => l.GetProperty("reason").GetString()!).ToList();
            if (reasons.Count >= atLeast) return reasons;
            await Task.Delay(50);
        }
        throw new TimeoutException($"fewer than {atLeast} dead letters after 10 s");
    }

    [Fact]
    public async Task Queue_message_is_applied_once_and_the_unusable_ones_are_dead_lettered_with_their_reason()
    {
        var id = await Portal.SubmitPermitAsync("queue");
        await Portal.WaitAsync(id, s => s.GetProperty("status").GetString() == "under-review");
        var approve = JsonSerializer.Serialize(new { messageId = "sb-1", applicationId = id, department = "HUD", item = "CP-PERMIT", decision = "approve", opinion = "同意", reviewer = "王工", decidedAt = "2026-09-28T10:00:00+08:00" });

        await EnqueueAsync(approve);
        await EnqueueAsync(approve);
        await EnqueueAsync("{not json");
        await EnqueueAsync(JsonSerializer.Serialize(new { messageId = "sb-3", applicationId = "APP-NOPE", department = "HUD", item = "CP-PERMIT", decision = "approve" }));
        await EnqueueAsync(JsonSerializer.Serialize(new { messageId = "sb-4", applicationId = id, department = "CAD", item = "CP-PERMIT", decision = "approve" }));

        await Portal.WaitAsync(id, s => PortalDriver.State(s, "CP-PERMIT") == "approved");
        var reasons = await DeadLetterReasonsAsync(3);
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
}
