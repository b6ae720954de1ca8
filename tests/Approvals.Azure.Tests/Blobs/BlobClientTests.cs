using System.Security.Cryptography;
using System.Text;
using Approvals.Azure.Blobs;
using Approvals.Azure.Storage;
using Approvals.Azure.Tests.Infrastructure;
using Azure;

namespace Approvals.Azure.Tests.Blobs;

[Collection(AzuriteCollection.Name)]
public sealed class BlobClientTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Creating_a_container_twice_reports_it_already_existed()
    {
        var container = new BlobContainerClient(azurite.ConnectionString, AzuriteFixture.UniqueName("c"));
        Assert.True(await container.CreateIfNotExistsAsync());
        Assert.False(await container.CreateIfNotExistsAsync());
        Assert.True(await container.DeleteIfExistsAsync());
        Assert.False(await container.DeleteIfExistsAsync());
    }

    [Fact]
    public async Task Small_upload_is_one_put_and_keeps_type_md5_and_metadata()
    {
        var container = await azurite.NewContainerAsync();
        var blob = container.GetBlobClient("forms/施工许可 申请.pdf");
        var bytes = Encoding.UTF8.GetBytes("%PDF-1.7 small form");

        var info = await blob.UploadAsync(new MemoryStream(bytes), new BlobUploadOptions
        {
            ContentType = "application/pdf",
            Metadata = new Dictionary<string, string> { ["owner"] = "91350100M000100Y43" },
        });

        Assert.Equal(0, info.BlockCount);
        Assert.Equal(MD5.HashData(bytes), info.ContentMd5);
        var properties = await blob.GetPropertiesAsync();
        Assert.Equal(bytes.Length, properties.ContentLength);
        Assert.Equal("application/pdf", properties.ContentType);
        Assert.Equal(MD5.HashData(bytes), properties.ContentMd5);
        Assert.Equal("91350100M000100Y43", properties.Metadata["owner"]);
        Assert.Equal(info.ETag, properties.ETag);
        await using var download = await blob.DownloadAsync();
        Assert.Equal(bytes, await ReadAllAsync(download.Content));
        Assert.Equal(bytes, (await blob.DownloadContentAsync()).ToArray());
    }

    [Fact]
    public async Task Large_upload_from_an_unseekable_stream_is_staged_in_blocks_and_reads_back_identical()
    {
        var container = await azurite.NewContainerAsync();
        var blob = container.GetBlobClient("big.bin");
        var bytes = RandomNumberGenerator.GetBytes(300_000);

        var info = await blob.UploadAsync(new ForwardOnlyStream(bytes), new BlobUploadOptions { BlockSize = 64 * 1024, ContentType = "application/octet-stream" });

        Assert.Equal(5, info.BlockCount);
        Assert.Equal(bytes.Length, info.Size);
        var properties = await blob.GetPropertiesAsync();
        Assert.Equal(bytes.Length, properties.ContentLength);
        Assert.Equal(MD5.HashData(bytes), properties.ContentMd5);
        await using var download = await blob.DownloadAsync();
        Assert.Equal(MD5.HashData(bytes), download.Properties.ContentMd5);
        Assert.Equal(bytes, await ReadAllAsync(download.Content));
    }

    [Fact]
    public async Task Content_of_exactly_one_block_is_committed_as_a_single_block()
    {
        var container = await azurite.NewContainerAsync();
        var bytes = RandomNumberGenerator.GetBytes(1024);
        var info = await container.GetBlobClient("exact").UploadAsync(new MemoryStream(bytes), new BlobUploadOptions { BlockSize = 1024 });
        Assert.Equal(1, info.BlockCount);
        await using var download = await container.GetBlobClient("exact").DownloadAsync();
        Assert.Equal(bytes, await ReadAllAsync(download.Content));
    }

    [Theory]
    [InlineData(100)]
    [InlineData(10_000)]
    public async Task Write_once_upload_refuses_an_existing_blob_with_409_BlobAlreadyExists(int size)
    {
        var container = await azurite.NewContainerAsync();
        var blob = container.GetBlobClient("once");
        var writeOnce = new BlobUploadOptions { Conditions = new RequestConditions { IfNoneMatch = ETag.All }, BlockSize = 4096 };
        await blob.UploadAsync(new MemoryStream(new byte[size]), writeOnce);

        var error = await Assert.ThrowsAsync<StorageRequestFailedException>(() => blob.UploadAsync(new MemoryStream(new byte[size]), writeOnce));

        Assert.Equal(409, error.Status);
        Assert.Equal(StorageErrorCode.BlobAlreadyExists, error.ErrorCode);
    }

    [Fact]
    public async Task If_match_with_a_stale_etag_is_refused_with_412_and_the_current_etag_succeeds()
    {
        var container = await azurite.NewContainerAsync();
        var blob = container.GetBlobClient("versioned");
        var first = await blob.UploadAsync(new MemoryStream("v1"u8.ToArray()));
        var second = await blob.UploadAsync(new MemoryStream("v2"u8.ToArray()), new BlobUploadOptions { Conditions = new RequestConditions { IfMatch = first.ETag } });

        var error = await Assert.ThrowsAsync<StorageRequestFailedException>(() =>
            blob.UploadAsync(new MemoryStream("v3"u8.ToArray()), new BlobUploadOptions { Conditions = new RequestConditions { IfMatch = first.ETag } }));
        Assert.Equal(412, error.Status);
        Assert.Equal(StorageErrorCode.ConditionNotMet, error.ErrorCode);

        var metadataError = await Assert.ThrowsAsync<StorageRequestFailedException>(() =>
            blob.SetMetadataAsync(new Dictionary<string, string> { ["k"] = "v" }, new RequestConditions { IfMatch = first.ETag }));
        Assert.Equal(412, metadataError.Status);
        var third = await blob.SetMetadataAsync(new Dictionary<string, string> { ["reviewed"] = "yes" }, new RequestConditions { IfMatch = second.ETag });
        var properties = await blob.GetPropertiesAsync();
        Assert.Equal(third, properties.ETag);
        Assert.Equal("yes", properties.Metadata["reviewed"]);
    }

    [Fact]
    public async Task Missing_blob_reads_as_404_BlobNotFound_on_get_and_on_head()
    {
        var container = await azurite.NewContainerAsync();
        var blob = container.GetBlobClient("absent");

        var download = await Assert.ThrowsAsync<StorageRequestFailedException>(() => blob.DownloadAsync());
        var head = await Assert.ThrowsAsync<StorageRequestFailedException>(() => blob.GetPropertiesAsync());

        Assert.Equal((404, StorageErrorCode.BlobNotFound), (download.Status, download.ErrorCode));
        Assert.Equal((404, StorageErrorCode.BlobNotFound), (head.Status, head.ErrorCode));
        Assert.Null(await blob.GetPropertiesIfExistsAsync());
    }

    [Fact]
    public async Task Listing_by_prefix_follows_continuation_tokens_to_the_end()
    {
        var container = await azurite.NewContainerAsync();
        foreach (var name in new[] { "a/1", "a/2", "a/3", "a/4", "a/5", "b/1", "b/2" })
            await container.GetBlobClient(name).UploadAsync(new MemoryStream(Encoding.UTF8.GetBytes(name)), new BlobUploadOptions { Metadata = new Dictionary<string, string> { ["name"] = name.Replace('/', '_') } });

        var pages = new List<BlobPage>();
        string? token = null;
        do
        {
            var page = await container.GetBlobsPageAsync("a/", token, pageSize: 2);
            pages.Add(page);
            token = page.ContinuationToken;
        }
        while (token is not null);

        Assert.Equal([2, 2, 1], pages.Select(p => p.Items.Count));
        Assert.Equal(["a/1", "a/2", "a/3", "a/4", "a/5"], pages.SelectMany(p => p.Items).Select(i => i.Name));
        Assert.Equal("a_3", pages[1].Items[0].Metadata["name"]);
        var all = new List<string>();
        await foreach (var item in container.GetBlobsAsync()) all.Add(item.Name);
        Assert.Equal(7, all.Count);
    }

    [Fact]
    public async Task Delete_honours_if_match_and_delete_if_exists_is_idempotent()
    {
        var container = await azurite.NewContainerAsync();
        var blob = container.GetBlobClient("doomed");
        var first = await blob.UploadAsync(new MemoryStream("1"u8.ToArray()));
        await blob.UploadAsync(new MemoryStream("2"u8.ToArray()));

        var error = await Assert.ThrowsAsync<StorageRequestFailedException>(() => blob.DeleteAsync(new RequestConditions { IfMatch = first.ETag }));
        Assert.Equal(412, error.Status);
        Assert.True(await blob.DeleteIfExistsAsync());
        Assert.False(await blob.DeleteIfExistsAsync());
    }

    [Fact]
    public async Task Copy_within_the_account_completes_and_respects_write_once_on_the_destination()
    {
        var container = await azurite.NewContainerAsync();
        var source = container.GetBlobClient("staging/x");
        var bytes = RandomNumberGenerator.GetBytes(20_000);
        await source.UploadAsync(new MemoryStream(bytes), new BlobUploadOptions { BlockSize = 8192, ContentType = "application/pdf" });
        var target = container.GetBlobClient("final/x");

        var copied = await target.CopyFromAsync(source, new RequestConditions { IfNoneMatch = ETag.All });

        Assert.Equal(bytes.Length, copied.ContentLength);
        Assert.Equal("application/pdf", copied.ContentType);
        await using (var download = await target.DownloadAsync()) Assert.Equal(bytes, await ReadAllAsync(download.Content));
        var again = await Assert.ThrowsAsync<StorageRequestFailedException>(() => target.CopyFromAsync(source, new RequestConditions { IfNoneMatch = ETag.All }));
        Assert.Equal(409, again.Status);
    }

    [Fact]
    public async Task A_wrong_account_key_is_refused_with_403()
    {
        var account = azurite.Account;
        var wrongKey = new StorageSharedKeyCredential(account.AccountName, Convert.ToBase64String(new byte[64]));
        var container = new BlobContainerClient(StorageUris.Append(account.BlobEndpoint, "forbidden"), wrongKey);

        var error = await Assert.ThrowsAsync<StorageRequestFailedException>(() => container.CreateIfNotExistsAsync());

        // Azure answers AuthenticationFailed; Azurite answers AuthorizationFailure for the same bad signature.
        Assert.Equal(403, error.Status);
        Assert.Contains(error.ErrorCode, new[] { StorageErrorCode.AuthenticationFailed, StorageErrorCode.AuthorizationFailure });
    }

    internal static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}

/// <summary>A stream that can only be read forward, like an HTTP request body.</summary>
internal sealed class ForwardOnlyStream(byte[] bytes) : Stream
{
    private int position;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        // Hand out odd-sized pieces to prove the uploader fills whole blocks itself.
        var n = Math.Min(Math.Min(count, 7_777), bytes.Length - position);
        Array.Copy(bytes, position, buffer, offset, n);
        position += n;
        return n;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
