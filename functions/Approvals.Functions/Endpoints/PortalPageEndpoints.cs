using Approvals.Functions.Portal;

namespace Approvals.Functions.Endpoints;

/// <summary>
/// The portal (zh-CN with English): pages for applicants, departments, supervisors and the public, served from
/// wwwroot/portal by <see cref="PortalFiles"/> under /api/portal so the Functions host's HTTP route (prefix "api")
/// reaches it too.
/// </summary>
public static class PortalPageEndpoints
{
    public static void MapPortalPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/portal", (IConfiguration configuration, IHostEnvironment environment) => Files(configuration, environment).Get(""))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/api/portal/{**path}", (string? path, IConfiguration configuration, IHostEnvironment environment) => Files(configuration, environment).Get(path))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/", () => Results.Redirect("/api/portal")).AllowAnonymous().ExcludeFromDescription();
    }

    private static PortalFiles Files(IConfiguration configuration, IHostEnvironment environment) => new(new PortalSignIn(configuration, environment));
}
