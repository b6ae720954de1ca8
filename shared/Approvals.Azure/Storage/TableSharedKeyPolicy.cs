using System.Globalization;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Approvals.Azure.Storage;

/// <summary>
/// Signs Table requests with Shared Key for the Table service: <c>VERB\nContent-MD5\nContent-Type\nDate\n</c>
/// followed by <c>/{account}{path}</c> and only the <c>comp</c> query parameter. The date is the
/// <c>x-ms-date</c> header this policy sets, refreshed on every retry.
/// </summary>
public sealed class TableSharedKeyPolicy(StorageSharedKeyCredential credential, TimeProvider timeProvider) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        var request = message.Request;
        var date = timeProvider.GetUtcNow().ToString("R", CultureInfo.InvariantCulture);
        request.Headers.SetValue("x-ms-date", date);
        var signature = credential.ComputeSignature(BuildStringToSign(request, credential.AccountName, date));
        request.Headers.SetValue("Authorization", $"SharedKey {credential.AccountName}:{signature}");
    }

    /// <summary>The exact string the Table service signs for this request.</summary>
    public static string BuildStringToSign(Request request, string accountName, string date)
    {
        var builder = new StringBuilder(128);
        request.Headers.TryGetValue("Content-MD5", out var md5);
        request.Headers.TryGetValue("Content-Type", out var contentType);
        builder.Append(request.Method.Method.ToUpperInvariant()).Append('\n')
            .Append(md5).Append('\n')
            .Append(contentType).Append('\n')
            .Append(date).Append('\n');
        SharedKeyPolicy.AppendCanonicalResource(builder, request.Uri.ToUri(), accountName, allQueryParameters: false);
        return builder.ToString();
    }
}
