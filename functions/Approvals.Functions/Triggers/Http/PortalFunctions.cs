using Approvals.Functions.Http;
using Microsoft.Azure.Functions.Worker;

namespace Approvals.Functions.Triggers.Http;

/// <summary>
/// The portal page (zh-CN with English), served from the app's own <c>wwwroot</c> beside the assembly, never from the
/// current directory, so it answers wherever the app was started from.
/// </summary>
public sealed class PortalFunctions(HttpCall http)
{
    public static string WebRoot => Path.Combine(AppContext.BaseDirectory, "wwwroot");

    [Function("Portal")]
    public Task<IResult> Portal([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "portal")] HttpRequest request) =>
        http.RunAsync(request, Access.Anonymous, _ => Results.File(Path.Combine(WebRoot, "portal.html"), "text/html; charset=utf-8"));
}
