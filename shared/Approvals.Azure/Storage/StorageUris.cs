namespace Approvals.Azure.Storage;

/// <summary>URI arithmetic shared by the clients: appending escaped path segments to an endpoint.</summary>
internal static class StorageUris
{
    /// <summary><paramref name="baseUri"/> + "/" + <paramref name="name"/>, each '/'-separated segment percent-escaped.</summary>
    public static Uri Append(Uri baseUri, string name)
    {
        var escaped = string.Join('/', name.Split('/').Select(Uri.EscapeDataString));
        var text = baseUri.GetLeftPart(UriPartial.Path).TrimEnd('/');
        return new Uri($"{text}/{escaped}");
    }

    /// <summary>The last path segment (a container, queue or table name), unescaped.</summary>
    public static string LastSegment(Uri uri) => Uri.UnescapeDataString(uri.AbsolutePath.TrimEnd('/').Split('/')[^1]);

    /// <summary>The URI without its last segment (a container's service endpoint).</summary>
    public static Uri Parent(Uri uri)
    {
        var path = uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
        return new Uri(path[..path.LastIndexOf('/')]);
    }

    /// <summary>An ETag as an <c>If-Match</c> / <c>If-None-Match</c> header value: quoted unless already quoted, weak or <c>*</c>.</summary>
    public static string HeaderValue(global::Azure.ETag etag)
    {
        var value = etag.ToString();
        return value == "*" || value.StartsWith('"') || value.StartsWith("W/", StringComparison.Ordinal) ? value : $"\"{value}\"";
    }
}
