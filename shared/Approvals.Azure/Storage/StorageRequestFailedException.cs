using System.Text.Json;
using System.Xml.Linq;
using Azure;
using Azure.Core;

namespace Approvals.Azure.Storage;

/// <summary>
/// A Blob, Queue or Table request the service refused. Carries the HTTP <see cref="RequestFailedException.Status"/>
/// and the service's <see cref="RequestFailedException.ErrorCode"/> (from <c>x-ms-error-code</c>, or the XML / JSON
/// error body), so callers branch on 404 / 409 / 412 and codes such as <see cref="StorageErrorCode.BlobAlreadyExists"/>.
/// Derives from Azure.Core's <see cref="RequestFailedException"/> so code that knows the Azure SDK's type catches it too.
/// </summary>
public class StorageRequestFailedException : RequestFailedException
{
    public StorageRequestFailedException(int status, string? errorCode, string message, Exception? innerException = null)
        : base(status, message, errorCode, innerException)
    {
    }

    /// <summary>Builds the exception from a failed response, reading the error code from the header or the body.</summary>
    public static StorageRequestFailedException FromResponse(Response response)
    {
        var (code, message) = ReadError(response);
        return new StorageRequestFailedException(response.Status, code, Describe(response, code, message));
    }

    internal static string Describe(Response response, string? code, string? message) =>
        $"Storage request failed: {response.Status} {response.ReasonPhrase}{(code is null ? "" : $" ({code})")}{(string.IsNullOrWhiteSpace(message) ? "" : $": {message}")}";

    /// <summary>Reads code and message from <c>x-ms-error-code</c> and an XML (Blob, Queue) or JSON (Table) body.</summary>
    internal static (string? Code, string? Message) ReadError(Response response)
    {
        response.Headers.TryGetValue("x-ms-error-code", out var code);
        string? body = null;
        try
        {
            if (response.ContentStream is { } stream)
            {
                using var reader = new StreamReader(stream, leaveOpen: true);
                body = reader.ReadToEnd();
            }
        }
        catch (IOException)
        {
            // The error body is a courtesy; the status and header already say what happened.
        }
        var (bodyCode, message) = ParseErrorBody(body);
        return (string.IsNullOrEmpty(code) ? bodyCode : code, message);
    }

    /// <summary>Parses <c>&lt;Error&gt;&lt;Code/&gt;&lt;Message/&gt;&lt;/Error&gt;</c> or <c>{"odata.error":{"code","message":{"value"}}}</c>.</summary>
    internal static (string? Code, string? Message) ParseErrorBody(string? body)
    {
        if (string.IsNullOrWhiteSpace(body)) return (null, null);
        var trimmed = body.TrimStart('\uFEFF', ' ', '\r', '\n', '\t');
        try
        {
            if (trimmed.StartsWith('<'))
            {
                var error = XDocument.Parse(trimmed).Root;
                return (error?.Element("Code")?.Value, error?.Element("Message")?.Value?.Split('\n')[0].Trim());
            }
            if (trimmed.StartsWith('{'))
            {
                using var json = JsonDocument.Parse(trimmed);
                if (json.RootElement.TryGetProperty("odata.error", out var error))
                {
                    var code = error.TryGetProperty("code", out var c) ? c.GetString() : null;
                    string? message = null;
                    if (error.TryGetProperty("message", out var m))
                        message = m.ValueKind == JsonValueKind.Object && m.TryGetProperty("value", out var v) ? v.GetString() : m.ToString();
                    return (code, message?.Split('\n')[0].Trim());
                }
            }
        }
        catch (Exception e) when (e is System.Xml.XmlException or JsonException)
        {
            return (null, trimmed.Length > 200 ? trimmed[..200] : trimmed);
        }
        return (null, trimmed.Length > 200 ? trimmed[..200] : trimmed);
    }
}
