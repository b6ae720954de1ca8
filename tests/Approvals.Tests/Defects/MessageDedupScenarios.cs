using Approvals.Applications;
using Approvals.Tests.Orchestrations;

namespace Approvals.Tests.Defects;

/// <summary>
/// Issue 14, defect 3: the department-responses dedup is scoped to (application, department, message id). The same id
/// on another application is another message; the same id with other content is a conflicting duplicate, dead-lettered.
/// </summary>
public sealed class MessageDedupScenarios : IAsyncLifetime
{
    private readonly ApprovalHarness h = new();

    public Task InitializeAsync() => h.StartAsync();

    public async Task DisposeAsync() => await h.DisposeAsync();

    private static string Message(string messageId, string applicationId, string department, string item, string decision = "approve", string opinion = "ok") =>
        $$"""{"messageId":"{{messageId}}","applicationId":"{{applicationId}}","department":"{{department}}","item":"{{item}}","decision":"{{decision}}","opinion":"{{opinion}}"}""";

    [Fact]
    public async Task The_same_message_id_on_another_application_is_applied_not_dropped()
    {
        var a = await h.SubmitAsync(h.Plan("APP-A", [("HUD", "CP-PERMIT", 10)]));
        var b = await h.SubmitAsync(h.Plan("APP-B", [("HUD", "CP-PERMIT", 10)]));
        await h.WaitForAsync(a, v => v.Tasks.Count == 1);
        await h.WaitForAsync(b, v => v.Tasks.Count == 1);

        var first = await h.Responses.HandleAsync(Message("hud-0001", a, "HUD", "CP-PERMIT"));
        var second = await h.Responses.HandleAsync(Message("hud-0001", b, "HUD", "CP-PERMIT"));

        Assert.Equal("applied", first.Result);
        Assert.Equal("applied", second.Result);
        Assert.Equal("approved", (await h.WaitForAsync(b, v => v.Tasks.Single().State != "pending")).Tasks.Single().State);
    }

    [Fact]
    public async Task The_same_message_id_from_another_department_of_the_same_application_is_applied()
    {
        var id = await h.SubmitAsync(h.Plan("APP-DEPTS", [("HUD", "CP-PERMIT", 10), ("FIRE", "CP-FIREDESIGN", 10)]));
        await h.WaitForAsync(id, v => v.Tasks.Count == 2);

        Assert.Equal("applied", (await h.Responses.HandleAsync(Message("0001", id, "HUD", "CP-PERMIT"))).Result);
        Assert.Equal("applied", (await h.Responses.HandleAsync(Message("0001", id, "FIRE", "CP-FIREDESIGN"))).Result);
    }

    [Fact]
    public async Task The_same_message_id_with_other_content_is_dead_lettered_as_a_conflicting_duplicate()
    {
        var id = await h.SubmitAsync(h.Plan("APP-CONFLICT", [("HUD", "CP-PERMIT", 10)]));
        await h.WaitForAsync(id, v => v.Tasks.Count == 1);

        var first = await h.Responses.HandleAsync(Message("m-7", id, "HUD", "CP-PERMIT", "approve", "同意"));
        var other = await h.Responses.HandleAsync(Message("m-7", id, "HUD", "CP-PERMIT", "reject", "不同意"));
        var same = await h.Responses.HandleAsync(Message("m-7", id, "HUD", "CP-PERMIT", "approve", "同意"));

        Assert.Equal("applied", first.Result);
        Assert.Equal("dead-lettered", other.Result);
        Assert.Contains("conflicting duplicate", other.Reason);
        Assert.Equal("duplicate", same.Result);
        var letter = Assert.Single(await h.DeadLetters.ListAsync(DepartmentResponseHandler.Queue));
        Assert.Contains("conflicting duplicate", letter.Reason);
    }
}
