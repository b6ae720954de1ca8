using System.Text;
using System.Text.Json;
using Approvals.Functions.Problems;

namespace Approvals.Functions.Http;

/// <summary>
/// Reads a JSON request body into its type within a size cap, refusing duplicate keys, and turns every
/// way it can be wrong into problem+json: 415 for another content type, 413 over the cap, 400 naming the field and
/// what it should have been for a wrongly typed value.
/// </summary>
public static class JsonBody
{
    /// <summary>Command bodies (decisions, guidance, repairs) are small.</summary>
    public const int DefaultMaxBytes = 64 * 1024;

    public static readonly JsonSerializerOptions Options = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Json.RequestBodyRules.Apply(options);
        return options;
    }

    /// <summary>The body as text (null with the problem when it is too large or not JSON).</summary>
    public static async Task<(string? Text, IResult? Problem)> ReadTextAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken, bool requireJson = true)
    {
        var contentType = request.ContentType ?? "";
        if (requireJson && contentType.Length > 0 && !contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, Problem.UnsupportedMediaType($"send the body as application/json (got {contentType})"));
        }
        if (request.ContentLength is { } declared && declared > maxBytes) return (null, Problem.TooLarge($"this body is at most {maxBytes} bytes of JSON"));
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes) return (null, Problem.TooLarge($"this body is at most {maxBytes} bytes of JSON"));
            buffer.Write(chunk, 0, read);
        }
        try
        {
            return (new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length), null);
        }
        catch (DecoderFallbackException)
        {
            return (null, Problem.BadRequest("the body is not valid UTF-8"));
        }
    }

    /// <summary>Parses <paramref name="text"/>; an empty body is a problem, never a default object.</summary>
    public static (T? Value, IResult? Problem) Parse<T>(string text) where T : class
    {
        if (string.IsNullOrWhiteSpace(text)) return (null, Problem.BadRequest("the body is empty; send a JSON object"));
        try
        {
            var value = JsonSerializer.Deserialize<T>(text, Options);
            return value is null ? (null, Problem.BadRequest("the body is null; send a JSON object")) : (value, null);
        }
        catch (Json.RequestBodyRuleException rule)
        {
            return (null, new ValidationProblem().Add(rule.Field, rule.Message).ToResult("The body cannot be read."));
        }
        catch (JsonException ex)
        {
            var field = FieldName(ex.Path);
            var expected = JsonShapes.Expected(typeof(T), ex.Path);
            var message = ex.Message.Contains("duplicate", StringComparison.OrdinalIgnoreCase)
                ? $"{field} appears more than once in the object; send each field once."
                : expected is null
                    ? $"the body is not valid JSON near {field}: {FirstSentence(ex.Message)}"
                    : $"{field} must be {expected}.";
            return (null, new ValidationProblem().Add(field, message).ToResult("The body cannot be read.",
                expected is null ? "The body is not valid JSON for this call." : "The JSON body has a value of the wrong type."));
        }
    }

    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, int maxBytes, CancellationToken cancellationToken) where T : class
    {
        var (text, problem) = await ReadTextAsync(request, maxBytes, cancellationToken);
        return problem is not null ? (null, problem) : Parse<T>(text!);
    }

    private static string FieldName(string? path) => string.IsNullOrEmpty(path) || path == "$" ? "body" : path.TrimStart('$', '.');

    private static string FirstSentence(string message)
    {
        // System.Text.Json's messages name .NET types after the first sentence ("... Path: $.x | LineNumber ..."); callers see the first.
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        var first = end > 0 ? message[..end] : message;
        return first.Contains("Approvals.", StringComparison.Ordinal) || first.Contains("System.", StringComparison.Ordinal) ? "unexpected value" : first;
    }
}
