using Approvals.Azure.Blobs;
using Approvals.Azure.Storage;
using Approvals.Azure.Tables;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Approvals.Azure.Tests.Storage;

/// <summary>
/// Azurite only accepts OAuth over HTTPS with a certificate, so the bearer path is checked at the wire: a transport
/// that records what would be sent and answers like the service.
/// </summary>
public sealed class TokenCredentialTests
{
    [Fact]
    public async Task Token_clients_ask_for_the_storage_scope_and_send_a_bearer_token_not_a_shared_key()
    {
        var credential = new RecordingCredential();
        var transport = new RecordingTransport();
        var options = new StorageClientOptions { Transport = transport };
        options.Retry.MaxRetries = 0;

        await new BlobContainerClient(new Uri("https://approvals.blob.core.windows.net/materials"), credential, options).CreateIfNotExistsAsync();
        await new TableClient(new Uri("https://approvals.table.core.windows.net"), "Certificates", credential, options).CreateIfNotExistsAsync();

        Assert.All(credential.Scopes, scopes => Assert.Equal(["https://storage.azure.com/.default"], scopes));
        Assert.Equal(2, transport.Requests.Count);
        Assert.All(transport.Requests, r => Assert.Equal("Bearer token-for-storage", r.Authorization));
        Assert.All(transport.Requests, r => Assert.NotNull(r.Date));
        Assert.Equal("2024-11-04", transport.Requests[0].Version);
        Assert.Equal("2019-02-02", transport.Requests[1].Version);
    }

    private sealed class RecordingCredential : TokenCredential
    {
        public List<string[]> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            lock (Scopes) Scopes.Add(requestContext.Scopes);
            return new AccessToken("token-for-storage", DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }

    private sealed class RecordingTransport : HttpPipelineTransport
    {
        public List<(string? Authorization, string? Date, string? Version)> Requests { get; } = [];

        public override Request CreateRequest() => new HttpClientTransport().CreateRequest();

        public override void Process(HttpMessage message) => ProcessAsync(message).AsTask().GetAwaiter().GetResult();

        public override ValueTask ProcessAsync(HttpMessage message)
        {
            message.Request.Headers.TryGetValue("Authorization", out var authorization);
            message.Request.Headers.TryGetValue("x-ms-date", out var date);
            message.Request.Headers.TryGetValue("x-ms-version", out var version);
            Requests.Add((authorization, date, version));
            message.Response = new CreatedResponse();
            return ValueTask.CompletedTask;
        }
    }

    private sealed class CreatedResponse : Response
    {
        public override int Status => 201;
        public override string ReasonPhrase => "Created";
        public override Stream? ContentStream { get; set; } = new MemoryStream();
        public override string ClientRequestId { get; set; } = "";
        public override void Dispose() { }
        protected override bool ContainsHeader(string name) => false;
        protected override IEnumerable<HttpHeader> EnumerateHeaders() => [];
        protected override bool TryGetHeader(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) { value = null; return false; }
        protected override bool TryGetHeaderValues(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IEnumerable<string>? values) { values = null; return false; }
    }
}
