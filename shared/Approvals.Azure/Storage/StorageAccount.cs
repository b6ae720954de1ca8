using Approvals.Azure.Blobs;
using Approvals.Azure.Queues;
using Approvals.Azure.Tables;
using Azure.Core;

namespace Approvals.Azure.Storage;

/// <summary>
/// One storage account, reached either with a connection string (Azurite, or an account key outside production) or
/// by account name with a <see cref="TokenCredential"/> (managed identity in Azure): hands out clients by name.
/// </summary>
public sealed class StorageAccount
{
    private readonly Uri blobEndpoint;
    private readonly Uri queueEndpoint;
    private readonly Uri tableEndpoint;
    private readonly StorageSharedKeyCredential? key;
    private readonly TokenCredential? token;
    private readonly StorageClientOptions? options;

    private StorageAccount(Uri blob, Uri queue, Uri table, StorageSharedKeyCredential? key, TokenCredential? token, StorageClientOptions? options)
    {
        (blobEndpoint, queueEndpoint, tableEndpoint, this.key, this.token, this.options) = (blob, queue, table, key, token, options);
    }

    public static StorageAccount FromConnectionString(string connectionString, StorageClientOptions? options = null)
    {
        var parsed = StorageConnectionString.Parse(connectionString);
        return new(parsed.BlobEndpoint, parsed.QueueEndpoint, parsed.TableEndpoint, parsed.Credential, null, options);
    }

    /// <summary>The public cloud endpoints of <paramref name="accountName"/>, signed in with <paramref name="credential"/>.</summary>
    public static StorageAccount FromAccountName(string accountName, TokenCredential credential, StorageClientOptions? options = null) =>
        new(new Uri($"https://{accountName}.blob.core.windows.net"), new Uri($"https://{accountName}.queue.core.windows.net"),
            new Uri($"https://{accountName}.table.core.windows.net"), null, credential, options);

    public BlobContainerClient Container(string name)
    {
        var uri = StorageUris.Append(blobEndpoint, name);
        return key is not null ? new BlobContainerClient(uri, key, options) : new BlobContainerClient(uri, token!, options);
    }

    public TableClient Table(string name) =>
        key is not null ? new TableClient(tableEndpoint, name, key, options) : new TableClient(tableEndpoint, name, token!, options);

    public QueueClient Queue(string name)
    {
        var uri = StorageUris.Append(queueEndpoint, name);
        return key is not null ? new QueueClient(uri, key, options) : new QueueClient(uri, token!, options);
    }
}
