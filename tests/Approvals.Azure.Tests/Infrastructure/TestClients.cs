using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Approvals.Azure.Tests.Infrastructure;

/// <summary>Fresh, uniquely named containers, tables and queues on the shared Azurite, so tests never see each other's data.</summary>
public static class TestClients
{
    public static BlobContainerClient Container(this AzuriteFixture azurite, string prefix) => azurite.Account.Container(AzuriteFixture.UniqueName(prefix));

    public static TableClient Table(this AzuriteFixture azurite, string prefix) => azurite.Account.Table(AzuriteFixture.UniqueName(prefix));

    public static async Task<QueueClient> NewQueueAsync(this AzuriteFixture azurite)
    {
        var queue = azurite.Account.Queue(AzuriteFixture.UniqueName("q"));
        await queue.CreateIfNotExistsAsync();
        return queue;
    }
}
