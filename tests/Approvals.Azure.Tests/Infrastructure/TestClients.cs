using Approvals.Azure.Blobs;
using Approvals.Azure.Queues;
using Approvals.Azure.Tables;

namespace Approvals.Azure.Tests.Infrastructure;

/// <summary>Fresh, uniquely named containers, tables and queues on the shared Azurite, so tests never see each other's data.</summary>
public static class TestClients
{
    public static async Task<BlobContainerClient> NewContainerAsync(this AzuriteFixture azurite)
    {
        var container = new BlobContainerClient(azurite.ConnectionString, AzuriteFixture.UniqueName("c"));
        await container.CreateIfNotExistsAsync();
        return container;
    }

    public static async Task<TableClient> NewTableAsync(this AzuriteFixture azurite)
    {
        var table = new TableClient(azurite.ConnectionString, AzuriteFixture.UniqueName("t"));
        await table.CreateIfNotExistsAsync();
        return table;
    }

    public static async Task<QueueClient> NewQueueAsync(this AzuriteFixture azurite)
    {
        var queue = new QueueClient(azurite.ConnectionString, AzuriteFixture.UniqueName("q"));
        await queue.CreateIfNotExistsAsync();
        return queue;
    }
}
