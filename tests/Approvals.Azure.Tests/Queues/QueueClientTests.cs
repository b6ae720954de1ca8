using Approvals.Azure.Queues;
using Approvals.Azure.Storage;
using Approvals.Azure.Tests.Infrastructure;

namespace Approvals.Azure.Tests.Queues;

[Collection(AzuriteCollection.Name)]
public sealed class QueueClientTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Creating_a_queue_twice_reports_it_already_existed()
    {
        var queue = new QueueClient(azurite.ConnectionString, AzuriteFixture.UniqueName("q"));
        Assert.True(await queue.CreateIfNotExistsAsync());
        Assert.False(await queue.CreateIfNotExistsAsync());
        Assert.True(await queue.DeleteIfExistsAsync());
        Assert.False(await queue.DeleteIfExistsAsync());
    }

    [Fact]
    public async Task A_received_message_is_hidden_until_deleted()
    {
        var queue = await azurite.NewQueueAsync();
        var sent = await queue.SendMessageAsync("{\"decision\":\"准予\",\"xml\":\"<a&b>\"}");

        var received = Assert.Single(await queue.ReceiveMessagesAsync(10, TimeSpan.FromMinutes(5)));
        Assert.Equal(sent.MessageId, received.MessageId);
        Assert.Equal("{\"decision\":\"准予\",\"xml\":\"<a&b>\"}", received.Body);
        Assert.Equal(1, received.DequeueCount);
        Assert.True(received.NextVisibleOn > DateTimeOffset.UtcNow.AddMinutes(4));
        Assert.Empty(await queue.ReceiveMessagesAsync(10));
        Assert.Equal(1, await queue.GetApproximateMessageCountAsync());

        await queue.DeleteMessageAsync(received.MessageId, received.PopReceipt);
        Assert.Equal(0, await queue.GetApproximateMessageCountAsync());
    }

    [Fact]
    public async Task A_delayed_message_stays_invisible_but_counts()
    {
        var queue = await azurite.NewQueueAsync();
        var sent = await queue.SendMessageAsync("later", visibilityDelay: TimeSpan.FromHours(1));

        Assert.True(sent.NextVisibleOn > DateTimeOffset.UtcNow.AddMinutes(59));
        Assert.Empty(await queue.ReceiveMessagesAsync(32));
        Assert.Empty(await queue.PeekMessagesAsync(32));
        Assert.Equal(1, await queue.GetApproximateMessageCountAsync());
    }

    [Fact]
    public async Task Time_to_live_sets_the_expiry_and_infinite_never_expires()
    {
        var queue = await azurite.NewQueueAsync();
        var hour = await queue.SendMessageAsync("short", timeToLive: TimeSpan.FromHours(1));
        var forever = await queue.SendMessageAsync("forever", timeToLive: Timeout.InfiniteTimeSpan);

        Assert.InRange(hour.ExpiresOn!.Value - hour.InsertedOn, TimeSpan.FromMinutes(59), TimeSpan.FromMinutes(61));
        Assert.True(forever.ExpiresOn is null || forever.ExpiresOn.Value.Year >= 9999);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.SendMessageAsync("x", visibilityDelay: TimeSpan.FromDays(8)));
    }

    [Fact]
    public async Task Updating_a_message_extends_or_releases_it_changes_its_content_and_replaces_the_pop_receipt()
    {
        var queue = await azurite.NewQueueAsync();
        await queue.SendMessageAsync("attempt 1");
        var received = Assert.Single(await queue.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(30)));

        var extended = await queue.UpdateMessageAsync(received.MessageId, received.PopReceipt, TimeSpan.FromMinutes(10));
        Assert.NotEqual(received.PopReceipt, extended.PopReceipt);
        Assert.True(extended.NextVisibleOn > DateTimeOffset.UtcNow.AddMinutes(9));
        var stale = await Assert.ThrowsAsync<StorageRequestFailedException>(() => queue.DeleteMessageAsync(received.MessageId, received.PopReceipt));
        Assert.Contains(stale.Status, new[] { 400, 404 });

        var released = await queue.UpdateMessageAsync(received.MessageId, extended.PopReceipt, TimeSpan.Zero, "attempt 2");
        var again = Assert.Single(await queue.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(1)));
        Assert.Equal("attempt 2", again.Body);
        Assert.Equal(2, again.DequeueCount);
        Assert.NotEqual(released.PopReceipt, again.PopReceipt);
        await queue.DeleteMessageAsync(again.MessageId, again.PopReceipt);
    }

    [Fact]
    public async Task Receive_takes_at_most_32_and_peek_does_not_count_as_a_delivery()
    {
        var queue = await azurite.NewQueueAsync();
        for (var i = 0; i < 40; i++) await queue.SendMessageAsync($"m{i}");

        var peeked = await queue.PeekMessagesAsync(5);
        Assert.Equal(5, peeked.Count);
        Assert.All(peeked, p => Assert.Equal(0, p.DequeueCount));

        var batch = await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5));
        Assert.Equal(32, batch.Count);
        Assert.Equal(8, (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5))).Count);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.ReceiveMessagesAsync(33));
        await queue.ClearMessagesAsync();
        Assert.Equal(0, await queue.GetApproximateMessageCountAsync());
    }

    [Fact]
    public async Task A_message_over_64_KiB_encoded_is_refused_before_sending()
    {
        var queue = await azurite.NewQueueAsync();
        await queue.SendMessageAsync(new string('x', 48 * 1024));
        await Assert.ThrowsAsync<ArgumentException>(() => queue.SendMessageAsync(new string('x', 48 * 1024 + 1)));
        Assert.Equal(48 * 1024, Assert.Single(await queue.ReceiveMessagesAsync()).Body.Length);
    }

    [Fact]
    public async Task Deleting_an_unknown_message_is_404_MessageNotFound()
    {
        var queue = await azurite.NewQueueAsync();
        await queue.SendMessageAsync("x");
        var received = Assert.Single(await queue.ReceiveMessagesAsync());
        await queue.DeleteMessageAsync(received.MessageId, received.PopReceipt);
        var error = await Assert.ThrowsAsync<StorageRequestFailedException>(() => queue.DeleteMessageAsync(received.MessageId, received.PopReceipt));
        Assert.Equal((404, StorageErrorCode.MessageNotFound), (error.Status, error.ErrorCode));
    }

    [Fact]
    public async Task A_message_dequeued_past_the_limit_moves_to_the_poison_queue_with_its_reason()
    {
        var queue = await azurite.NewQueueAsync();
        var poison = new PoisonQueue(queue, maxDequeueCount: 2);
        await queue.SendMessageAsync("{\"application\":\"APP-404\"}");

        QueueMessage message;
        var attempts = 0;
        while (true)
        {
            message = Assert.Single(await queue.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(1)));
            attempts++;
            if (await poison.MoveIfPoisonAsync(message, "unknown application APP-404")) break;
            await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, TimeSpan.Zero); // give up this attempt
        }

        Assert.Equal(3, attempts);
        Assert.Equal(queue.Name + "-poison", poison.Queue.Name);
        Assert.Equal(0, await queue.GetApproximateMessageCountAsync());
        var moved = PoisonQueue.Parse(Assert.Single(await poison.Queue.PeekMessagesAsync()).Body);
        Assert.Equal(("{\"application\":\"APP-404\"}", "unknown application APP-404", 3L, queue.Name, message.MessageId),
            (moved.Body, moved.Reason, moved.DequeueCount, moved.Queue, moved.MessageId));
    }
}
