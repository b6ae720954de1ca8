using Approvals.Applications;
using Approvals.Tests.Orchestrations;

namespace Approvals.Tests.Applications;

public sealed class DepartmentResponseHandlerTests : IAsyncLifetime
{
    private readonly ApprovalHarness h = new();
    private string id = "";

    public async Task InitializeAsync()
    {
        await h.StartAsync();
        id = await h.SubmitAsync(h.Plan("APP-Q", [("HUD", "CP-PERMIT", 10), ("FIRE", "CP-FIREDESIGN", 10)]));
        await h.WaitForAsync(id, v => v.Tasks.Count == 2);
    }

    public async Task DisposeAsync() => await h.DisposeAsync();

    private static string Message(string messageId, string applicationId, string department, string item, string decision = "approve") =>
        $$"""{"messageId":"{{messageId}}","applicationId":"{{applicationId}}","department":"{{department}}","item":"{{item}}","decision":"{{decision}}","opinion":"ok","reviewer":"王工","decidedAt":"2026-09-29T10:00:00+08:00"}""";

    [Fact]
    public async Task A_valid_message_applies_the_decision_and_its_redelivery_changes_nothing()
    {
        var first = await h.Responses.HandleAsync(Message("m-1", id, "HUD", "CP-PERMIT"));
        var again = await h.Responses.HandleAsync(Message("m-1", id, "HUD", "CP-PERMIT"));

        Assert.Equal("applied", first.Result);
        Assert.Equal("duplicate", again.Result);
        var view = await h.WaitForAsync(id, v => v.Tasks.Single(t => t.Department == "HUD").State == "approved");
        Assert.Equal("pending", view.Tasks.Single(t => t.Department == "FIRE").State);
        Assert.Empty(await h.DeadLetters.ListAsync(DepartmentResponseHandler.Queue));
    }

    [Fact]
    public async Task A_second_decision_on_a_decided_task_is_dead_lettered_and_the_first_stands()
    {
        await h.Responses.HandleAsync(Message("m-1", id, "HUD", "CP-PERMIT", "approve"));
        await h.WaitForAsync(id, v => v.Tasks.Single(t => t.Department == "HUD").State == "approved");
        var second = await h.Responses.HandleAsync(Message("m-2", id, "HUD", "CP-PERMIT", "reject"));

        Assert.Equal("dead-lettered", second.Result);
        Assert.Contains("already decided", second.Reason);
        Assert.Equal("approved", (await h.Commands.GetAsync(id))!.Tasks.Single(t => t.Department == "HUD").State);
    }

    [Theory]
    [InlineData("APP-NOPE", "HUD", "CP-PERMIT", "does not exist")]
    [InlineData("APP-Q", "FIRE", "CP-PERMIT", "reviewed by HUD")]
    [InlineData("APP-Q", "HUD", "XX-UNKNOWN", "no review task")]
    public async Task Messages_that_cannot_be_applied_are_dead_lettered_with_the_reason(string application, string department, string item, string reason)
    {
        var outcome = await h.Responses.HandleAsync(Message("m-x", application, department, item));

        Assert.Equal("dead-lettered", outcome.Result);
        var letter = Assert.Single(await h.DeadLetters.ListAsync(DepartmentResponseHandler.Queue));
        Assert.Contains(reason, letter.Reason);
        Assert.Equal("m-x", letter.MessageId);
    }

    [Fact]
    public async Task A_malformed_message_is_dead_lettered_naming_every_problem()
    {
        var outcome = await h.Responses.HandleAsync("""{"messageId":"m-bad","decision":"maybe"}""");

        Assert.Equal("dead-lettered", outcome.Result);
        foreach (var problem in new[] { "applicationId is missing", "department is missing", "item is missing", "'maybe'" })
        {
            Assert.Contains(problem, outcome.Reason);
        }
        Assert.Equal("dead-lettered", (await h.Responses.HandleAsync("not json at all")).Result);
        Assert.Equal(2, (await h.DeadLetters.ListAsync(DepartmentResponseHandler.Queue)).Count);
    }
}
