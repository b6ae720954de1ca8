using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Approvals.Azure.Storage;

/// <summary>
/// The Azure.Core pipeline a storage client sends through: retries from <see cref="ClientOptions.Retry"/>, then the
/// authentication policy (Shared Key or a bearer token for <c>https://storage.azure.com/.default</c>) on each attempt.
/// Shared by a client and the clients it hands out (a container's blobs, a queue's poison queue).
/// </summary>
internal sealed class StoragePipeline
{
    /// <summary>The OAuth scope Azure Storage accepts for Blob, Queue and Table data-plane access.</summary>
    public const string StorageScope = "https://storage.azure.com/.default";

    private readonly HttpPipeline pipeline;

    private StoragePipeline(HttpPipeline pipeline, StorageClientOptions options, string version)
    {
        this.pipeline = pipeline;
        Options = options;
        Version = version;
    }

    public StorageClientOptions Options { get; }

    /// <summary>The <c>x-ms-version</c> every request of this pipeline carries.</summary>
    public string Version { get; }

    public static StoragePipeline ForBlobsOrQueues(StorageSharedKeyCredential credential, StorageClientOptions? options)
    {
        options ??= new StorageClientOptions();
        return Build(options, new SharedKeyPolicy(credential, options.TimeProvider), options.BlobQueueServiceVersion);
    }

    public static StoragePipeline ForTables(StorageSharedKeyCredential credential, StorageClientOptions? options)
    {
        options ??= new StorageClientOptions();
        return Build(options, new TableSharedKeyPolicy(credential, options.TimeProvider), options.TableServiceVersion);
    }

    public static StoragePipeline WithToken(TokenCredential credential, StorageClientOptions? options, bool table)
    {
        options ??= new StorageClientOptions();
        return Build(options, new DatePolicy(options.TimeProvider), table ? options.TableServiceVersion : options.BlobQueueServiceVersion,
            new BearerTokenAuthenticationPolicy(credential, StorageScope));
    }

    private static StoragePipeline Build(StorageClientOptions options, HttpPipelinePolicy perRetry, string version, HttpPipelinePolicy? bearer = null)
    {
        HttpPipelinePolicy[] perRetryPolicies = bearer is null ? [perRetry] : [perRetry, bearer];
        var pipeline = HttpPipelineBuilder.Build(options, [], perRetryPolicies, new ResponseClassifier());
        return new StoragePipeline(pipeline, options, version);
    }

    public HttpMessage CreateMessage(RequestMethod method, Uri uri)
    {
        var message = pipeline.CreateMessage();
        message.Request.Method = method;
        message.Request.Uri.Reset(uri);
        message.Request.Headers.SetValue("x-ms-version", Version);
        return message;
    }

    /// <summary>Sends and returns the response; a status of 400 or above becomes a <see cref="StorageRequestFailedException"/>.</summary>
    public async Task<Response> SendAsync(HttpMessage message, CancellationToken cancellationToken)
    {
        await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var response = message.Response;
        if (response.Status < 400) return response;
        if (response.ContentStream is { CanSeek: false } network)
        {
            // A streamed (unbuffered) error body: read it asynchronously before the exception parses it.
            var buffered = new MemoryStream();
            await network.CopyToAsync(buffered, cancellationToken).ConfigureAwait(false);
            buffered.Position = 0;
            response.ContentStream = buffered;
        }
        throw StorageRequestFailedException.FromResponse(response);
    }

    /// <summary>Stamps <c>x-ms-date</c> on token-authenticated requests (Shared Key policies do it themselves).</summary>
    private sealed class DatePolicy(TimeProvider timeProvider) : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message) =>
            message.Request.Headers.SetValue("x-ms-date", timeProvider.GetUtcNow().ToString("R", System.Globalization.CultureInfo.InvariantCulture));
    }
}
