using System.Security.Claims;
using Approvals.Functions.Hosting;
using Approvals.Functions.Identity;
using Approvals.Functions.Problems;
using Approvals.Stores;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Approvals.Functions.Endpoints;

/// <summary><c>POST /api/materials</c>: one file, streamed into the material store (企业云盘), typed by its content.</summary>
public static class MaterialEndpoints
{
    public static void MapMaterials(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/materials", async (HttpContext http, ClaimsPrincipal user, IMaterialStore store, IOptions<PortalOptions> portal, CancellationToken ct) =>
        {
            if (user.Uscc() is not { } uscc) return Problem.Forbidden("only applicants upload materials");
            var limit = portal.Value.MaxMaterialBytes;
            if (http.Request.ContentLength is { } declared && declared > limit) return Problem.TooLarge($"the file is {declared} bytes; the limit is {limit}");
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit) bodyLimit.MaxRequestBodySize = limit + 1;
            var fileName = http.Request.Headers["X-File-Name"].ToString();
            try
            {
                var info = await store.PutAsync(http.Request.Body, uscc, string.IsNullOrWhiteSpace(fileName) ? null : Uri.UnescapeDataString(fileName), limit, ct);
                return Results.Created($"/api/materials/{info.MaterialId}", new { materialId = info.MaterialId, size = info.Size, contentType = info.ContentType });
            }
            catch (MaterialRejectedException rejected)
            {
                return rejected.Reason switch
                {
                    MaterialRejection.TooLarge => Problem.TooLarge(rejected.Message),
                    MaterialRejection.UnsupportedType => Problem.UnsupportedMediaType(rejected.Message),
                    _ => Problem.BadRequest(rejected.Message),
                };
            }
            catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                return Problem.TooLarge($"the file is larger than the limit of {limit} bytes");
            }
        }).WithTags("Portal").RequireAuthorization(Roles.Applicant);
}
