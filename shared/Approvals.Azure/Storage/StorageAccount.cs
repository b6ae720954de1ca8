using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Approvals.Azure.Storage;

/// <summary>
/// One storage account on the Azure SDKs, reached either with a connection string (Azurite locally and in tests) or by
/// account name with a <see cref="TokenCredential"/> (managed identity in Azure, no keys): hands out the SDK's
/// container, table and queue clients by name, all with <see cref="StorageClientDefaults"/>.
/// </summary>
public sealed class StorageAccount
{
    private readonly BlobServiceClient blobs;
    private readonly QueueServiceClient queues;
    private readonly TableServiceClient tables;

    private StorageAccount(BlobServiceClient blobs, QueueServiceClient queues, TableServiceClient tables) =>
        (this.blobs, this.queues, this.tables) = (blobs, queues, tables);

    /// <summary>An account from its connection string (<c>UseDevelopmentStorage=true</c>, or explicit endpoints as Azurite on other ports needs).</summary>
    public static StorageAccount FromConnectionString(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return new(new BlobServiceClient(connectionString, StorageClientDefaults.Blobs()),
            new QueueServiceClient(connectionString, StorageClientDefaults.Queues()),
            new TableServiceClient(connectionString, StorageClientDefaults.Tables()));
    }

    /// <summary>The public cloud endpoints of <paramref name="accountName"/>, signed in with <paramref name="credential"/>.</summary>
    public static StorageAccount FromAccountName(string accountName, TokenCredential credential)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountName);
        ArgumentNullException.ThrowIfNull(credential);
        return new(new BlobServiceClient(new Uri($"https://{accountName}.blob.core.windows.net"), credential, StorageClientDefaults.Blobs()),
            new QueueServiceClient(new Uri($"https://{accountName}.queue.core.windows.net"), credential, StorageClientDefaults.Queues()),
            new TableServiceClient(new Uri($"https://{accountName}.table.core.windows.net"), credential, StorageClientDefaults.Tables()));
    }

    /// <summary>The account's name as the service knows it.</summary>
    public string AccountName => blobs.AccountName;

    public BlobContainerClient Container(string name) => blobs.GetBlobContainerClient(name);

    public TableClient Table(string name) => tables.GetTableClient(name);

    public QueueClient Queue(string name) => queues.GetQueueClient(name);
}
