using System.Globalization;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Approvals.Azure.Storage;

/// <summary>
/// Signs Blob and Queue requests with Shared Key (version 2009-09-19 and later string-to-sign): the verb, the
/// standard headers in their fixed order, the canonicalized <c>x-ms-*</c> headers and the canonicalized resource.
/// Runs once per retry so each attempt gets a fresh <c>x-ms-date</c>.
/// </summary>
public sealed class SharedKeyPolicy(StorageSharedKeyCredential credential, TimeProvider timeProvider) : HttpPipelineSynchronousPolicy
{
    private static readonly string[] SignedHeaders =
        ["Content-Encoding", "Content-Language", "Content-Length", "Content-MD5", "Content-Type", "Date",
         "If-Modified-Since", "If-Match", "If-None-Match", "If-Unmodified-Since", "Range"];

    public override void OnSendingRequest(HttpMessage message)
    {
        var request = message.Request;
        request.Headers.SetValue("x-ms-date", timeProvider.GetUtcNow().ToString("R", CultureInfo.InvariantCulture));
        var signature = credential.ComputeSignature(BuildStringToSign(request, credential.AccountName));
        request.Headers.SetValue("Authorization", $"SharedKey {credential.AccountName}:{signature}");
    }

    /// <summary>The exact string the service signs for this request (exposed for tests and diagnostics).</summary>
    public static string BuildStringToSign(Request request, string accountName)
    {
        var builder = new StringBuilder(256);
        builder.Append(request.Method.Method.ToUpperInvariant()).Append('\n');
        foreach (var name in SignedHeaders)
        {
            string? value;
            if (name == "Content-Length")
            {
                // Since 2015-02-21 a zero length signs as the empty string.
                value = request.Content is { } content && content.TryComputeLength(out var length) && length > 0
                    ? length.ToString(CultureInfo.InvariantCulture)
                    : null;
            }
            else
            {
                request.Headers.TryGetValue(name, out value);
            }
            builder.Append(value).Append('\n');
        }

        var canonicalHeaders = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var header in request.Headers)
        {
            var lower = header.Name.ToLowerInvariant();
            if (lower.StartsWith("x-ms-", StringComparison.Ordinal)) canonicalHeaders[lower] = header.Value.Trim();
        }
        foreach (var (name, value) in canonicalHeaders) builder.Append(name).Append(':').Append(value).Append('\n');

        AppendCanonicalResource(builder, request.Uri.ToUri(), accountName, allQueryParameters: true);
        return builder.ToString();
    }

    /// <summary>
    /// <c>/{account}{encoded path}</c> and, for Blob/Queue, every query parameter as <c>\nname:value</c>
    /// (names lower-cased and sorted, values decoded, repeated values joined with commas).
    /// </summary>
    internal static void AppendCanonicalResource(StringBuilder builder, Uri uri, string accountName, bool allQueryParameters)
    {
        builder.Append('/').Append(accountName).Append(uri.AbsolutePath.Length == 0 ? "/" : uri.AbsolutePath);
        var query = uri.Query.TrimStart('?');
        if (query.Length == 0) return;
        var parameters = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]).ToLowerInvariant();
            var value = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
            if (!parameters.TryGetValue(name, out var values)) parameters[name] = values = [];
            values.Add(value);
        }
        if (allQueryParameters)
        {
            foreach (var (name, values) in parameters)
            {
                values.Sort(StringComparer.Ordinal);
                builder.Append('\n').Append(name).Append(':').Append(string.Join(',', values));
            }
        }
        else if (parameters.TryGetValue("comp", out var comp))
        {
            builder.Append("?comp=").Append(comp[0]);
        }
    }
}
