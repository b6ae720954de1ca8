using Approvals.Functions.Problems;

namespace Approvals.Functions.Portal;

/// <summary>
/// Serves the portal's static pages (门户页面) from <c>wwwroot/portal</c> next to the app's binaries. A relative path
/// under <c>portal/</c> ("" is the home page) answers the file with its content type, or 404 problem+json for an
/// unknown file, an unknown kind of file, or a path that tries to leave the folder. <c>sign-in.json</c> is the sign-in
/// settings of <see cref="PortalSignIn"/>, made from configuration (no secrets in it).
/// </summary>
public sealed class PortalFiles
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".json"] = "application/json; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".ico"] = "image/x-icon",
        [".txt"] = "text/plain; charset=utf-8",
    };

    private readonly string root;
    private readonly PortalSignIn? signIn;

    /// <param name="signIn">The sign-in settings answered at <c>sign-in.json</c>; none: that path is unknown.</param>
    /// <param name="root">The folder of the pages; by default <c>wwwroot/portal</c> under <see cref="AppContext.BaseDirectory"/>.</param>
    public PortalFiles(PortalSignIn? signIn = null, string? root = null)
    {
        this.signIn = signIn;
        this.root = Path.GetFullPath(root ?? Path.Combine(AppContext.BaseDirectory, "wwwroot", "portal"));
    }

    /// <summary>The folder the pages are served from.</summary>
    public string Root => root;

    /// <summary>The file at <paramref name="path"/> (relative to <c>portal/</c>), or 404 problem+json.</summary>
    public IResult Get(string? path)
    {
        var relative = string.IsNullOrEmpty(path) || path == "/" ? "index.html" : path;
        if (relative == PortalSignIn.FileName && signIn is not null) return Results.Json(signIn.Settings(), contentType: "application/json; charset=utf-8");
        if (Resolve(relative) is not { } file) return Problem.NotFound($"the portal has no page {path}");
        var result = Results.File(file, ContentTypes[Path.GetExtension(file)]);
        return new NoCache(result);
    }

    /// <summary>The full path of a servable file, or null for traversal, an unknown kind or a missing file.</summary>
    public string? Resolve(string relative)
    {
        if (relative.Length > 200 || relative.Contains('\\') || relative.Contains(':') || relative.Contains('\0') || relative.StartsWith('/')) return null;
        if (relative.Split('/').Any(segment => segment is "" or "." or ".." || segment.StartsWith('.'))) return null;
        if (relative.EndsWith('/')) return null;
        if (!ContentTypes.ContainsKey(Path.GetExtension(relative))) return null;
        var full = Path.GetFullPath(Path.Combine(root, relative));
        if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)) return null;
        return File.Exists(full) ? full : null;
    }

    /// <summary>Pages change with each deployment: the browser asks again rather than keep an old module.</summary>
    private sealed class NoCache(IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.CacheControl = "no-cache";
            httpContext.Response.Headers.XContentTypeOptions = "nosniff";
            return inner.ExecuteAsync(httpContext);
        }
    }
}
