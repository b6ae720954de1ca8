namespace Approvals.Functions.Endpoints;

/// <summary>
/// The portal page (zh-CN with English): catalog, certificate verification, project code, my applications, the
/// supervisor's lights. Served under /api/portal so the Functions host's HTTP route (prefix "api") reaches it too.
/// </summary>
public static class PortalPageEndpoints
{
    public static void MapPortalPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/portal", (IWebHostEnvironment environment) =>
            Results.File(Path.Combine(environment.WebRootPath ?? Path.Combine(environment.ContentRootPath, "wwwroot"), "portal.html"), "text/html; charset=utf-8"))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/", () => Results.Redirect("/api/portal")).AllowAnonymous().ExcludeFromDescription();
    }
}
