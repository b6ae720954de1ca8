using Approvals.Functions.Hosting;
using Approvals.Functions.Http;
using Approvals.Functions.Identity;
using Approvals.Functions.Problems;
using Approvals.Stores;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace Approvals.Functions.Triggers.Http;

/// <summary><c>POST /api/materials</c>: one file, streamed into the material store (企业云盘), typed by its content.</summary>
public sealed class MaterialFunctions(HttpCall http, IMaterialStore store, IOptions<PortalOptions> portal)
{
    [RawRequestBody("application/octet-stream", "文件本身（PDF 等），X-File-Name 头给出文件名 / the file itself (a PDF, say); the X-File-Name header names it")]
    [Function("UploadMaterial")]
    public Task<IResult> Upload([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "materials")] HttpRequest request) =>
        http.RunAsync(request, Access.Applicant, async user =>
        {
            if (user.Uscc() is not { } uscc) return Problem.Forbidden("only applicants upload materials");
            var limit = portal.Value.MaxMaterialBytes;
            if (request.ContentLength is { } declared && declared > limit) return Problem.TooLarge($"the file is {declared} bytes; the limit is {limit}");
            if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit) bodyLimit.MaxRequestBodySize = limit + 1;
            var fileName = request.Headers["X-File-Name"].ToString();
            try
            {
                var info = await store.PutAsync(request.Body, uscc, string.IsNullOrWhiteSpace(fileName) ? null : Uri.UnescapeDataString(fileName), limit,
                    request.HttpContext.RequestAborted);
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
        });
}
