using System.Text;
using Approvals.Azure.Queues;
using Approvals.Azure.Storage;
using Approvals.Azure.Tests.Infrastructure;
using Azure.Storage.Queues.Models;

namespace Approvals.Azure.Tests.Queues;

/// <summary>The department-responses queue on the SDK's QueueClient: what the Functions queue trigger reads, dequeue counts and poison handling.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PoisonQueueTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_message_dequeued_past_the_limit_moves_to_the_poison_queue_with_its_reason()
    {
        var name = AzuriteFixture.UniqueName("q");
        var poison = PoisonQueue.For(azurite.Account, name, maxDequeueCount: 2);
        var queue = azurite.Account.Queue(name);
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync("{\"application\":\"APP-404\"}");

        QueueMessage message;
        var attempts = 0;
        while (true)
        {
            message = Assert.Single((await queue.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(1))).Value);
            attempts++;
            Assert.Equal(attempts, message.DequeueCount);
            if (await poison.MoveIfPoisonAsync(message, "unknown application APP-404")) break;
            await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero); // give up this attempt
        }

        Assert.Equal(3, attempts);
        Assert.Equal(name + "-poison", poison.Queue.Name);
        Assert.Equal(0, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        var moved = PoisonQueue.Parse(Assert.Single((await poison.Queue.PeekMessagesAsync()).Value).Body.ToString());
        Assert.Equal(("{\"application\":\"APP-404\"}", "unknown application APP-404", 3L, name, message.MessageId),
            (moved.Body, moved.Reason, moved.DequeueCount, moved.Queue, moved.MessageId));
    }

    [Fact]
    public async Task A_message_that_cannot_be_read_is_moved_at_once_whatever_its_dequeue_count()
    {
        var name = AzuriteFixture.UniqueName("q");
        var poison = PoisonQueue.For(azurite.Account, name);
        var queue = azurite.Account.Queue(name);
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync("not json");

        var message = Assert.Single((await queue.ReceiveMessagesAsync()).Value);
        Assert.False(poison.IsPoison(message));
        await poison.MoveAsync(message, "not a department response");

        Assert.Empty((await queue.PeekMessagesAsync()).Value);
        Assert.Equal("not a department response", PoisonQueue.Parse(Assert.Single((await poison.Queue.PeekMessagesAsync()).Value).Body.ToString()).Reason);
    }

    [Fact]
    public async Task Message_text_travels_as_base64_of_utf8_as_the_functions_queue_trigger_expects()
    {
        var queue = await azurite.NewQueueAsync();
        await queue.SendMessageAsync("住建局 approve");

        // A client without base64 decoding sees the wire text.
        var raw = new global::Azure.Storage.Queues.QueueClient(azurite.ConnectionString, queue.Name, new global::Azure.Storage.Queues.QueueClientOptions(StorageClientDefaults.QueueVersion));
        var wire = Assert.Single((await raw.PeekMessagesAsync()).Value).Body.ToString();
        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes("住建局 approve")), wire);
        Assert.Equal("住建局 approve", Assert.Single((await queue.PeekMessagesAsync()).Value).Body.ToString());
    }
}
