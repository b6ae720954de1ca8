using Approvals.Activities;
using Approvals.Azure.Notifications;
using Approvals.Notifications;
using Azure.Core;
using Azure.Identity;

namespace Approvals.Azure.Tests.Notifications;

/// <summary>
/// No Service Bus emulator runs here: the message mapping is tested field by field, and the sender is built (as the
/// app builds it) without sending.
/// </summary>
public sealed class ServiceBusDepartmentNotifierTests
{
    private static readonly Notification Dispatched = new("APP-20261201-0007", "HUD", "review-request",
        "请审查 / please review: CP-PERMIT (due 2026-12-15)", "APP-20261201-0007/HUD/round-1");

    [Fact]
    public void A_dispatched_review_becomes_a_message_for_its_department_with_task_and_event_as_id_and_the_application_as_correlation()
    {
        var notice = DepartmentNotice.From(Dispatched)!;

        var message = DepartmentNoticeMessage.From(notice);

        Assert.Equal("APP-20261201-0007/HUD/round-1/review-request", message.MessageId);
        Assert.Equal("APP-20261201-0007", message.CorrelationId);
        Assert.Equal("review-request", message.Subject);
        Assert.Equal("application/json", message.ContentType);
        Assert.Equal("HUD", message.ApplicationProperties["department"]);
        Assert.Equal("review-request", message.ApplicationProperties["event"]);
        Assert.Equal("APP-20261201-0007", message.ApplicationProperties["applicationId"]);
        Assert.Equal("APP-20261201-0007/HUD/round-1", message.ApplicationProperties["taskId"]);
        Assert.Equal(notice, DepartmentNoticeMessage.Parse(message.Body));
    }

    [Fact]
    public void A_retry_of_the_same_notice_maps_to_the_same_message_id_so_duplicate_detection_drops_it()
    {
        var first = DepartmentNoticeMessage.From(DepartmentNotice.From(Dispatched)!);
        var retry = DepartmentNoticeMessage.From(DepartmentNotice.From(Dispatched with { Text = "re-rendered text" })!);
        var nextRound = DepartmentNoticeMessage.From(DepartmentNotice.From(Dispatched with { Key = "APP-20261201-0007/HUD/round-2" })!);

        Assert.Equal(first.MessageId, retry.MessageId);
        Assert.NotEqual(first.MessageId, nextRound.MessageId);
    }

    [Fact]
    public void A_message_id_never_exceeds_what_service_bus_takes()
    {
        var notice = new DepartmentNotice("APP-1", "HUD", new string('t', 200), "review-request", "text");

        var id = DepartmentNoticeMessage.From(notice).MessageId;

        Assert.True(id.Length <= DepartmentNotice.MaxMessageIdLength);
        Assert.Equal(id, DepartmentNoticeMessage.From(notice with { Text = "other" }).MessageId);
    }

    [Fact]
    public async Task The_sender_is_built_for_the_department_tasks_topic_with_the_apps_identity_and_connects_only_when_sending()
    {
        await using var notifier = ServiceBusDepartmentNotifier.Create("sb-approvals.servicebus.windows.net", new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId("00000000-0000-0000-0000-000000000001")));

        Assert.Equal("department-tasks", notifier.EntityPath);
        Assert.Equal("sb-approvals.servicebus.windows.net", notifier.FullyQualifiedNamespace);
    }
}
