using Approvals.Functions.Http;
using Approvals.Functions.Portal;
using Microsoft.Azure.Functions.Worker;

namespace Approvals.Functions.Triggers.Http;

/// <summary>
/// The portal's pages (门户, zh-CN with English), served from the app's own <c>wwwroot/portal</c> beside the assembly,
/// never from the current directory, so they answer wherever the app was started from.
/// </summary>
public sealed class PortalFunctions(HttpCall http, PortalFiles files)
{
    [Function("Portal")]
    public Task<IResult> Home([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "portal")] HttpRequest request) =>
        http.RunAsync(request, Access.Anonymous, _ => files.Get(""));

    [Function("PortalFile")]
    public Task<IResult> File([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "portal/{*path}")] HttpRequest request, string? path) =>
        http.RunAsync(request, Access.Anonymous, _ => files.Get(path));
}
