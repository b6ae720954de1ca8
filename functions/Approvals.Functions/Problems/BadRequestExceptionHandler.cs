using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Approvals.Functions.Problems;

/// <summary>
/// Unreadable requests (malformed JSON, wrong content type, missing body) answer 400/415 problem+json with
/// the reason, never 500.
/// </summary>
public sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is Approvals.Applications.InvalidQueryException query)
        {
            httpContext.Response.StatusCode = 400;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [query.Field] = [query.Message] })
                {
                    Status = 400,
                    Title = "The request has problems.",
                    Type = "https://approvals.example/problems/validation",
                },
            });
        }
        var (status, detail) = exception switch
        {
            BadHttpRequestException bad when bad.InnerException is JsonException json => (400, $"The body is not valid JSON: {json.Message}"),
            BadHttpRequestException bad => (bad.StatusCode, bad.Message),
            JsonException json => (400, $"The body is not valid JSON: {json.Message}"),
            _ => (0, null),
        };
        if (status == 0) return false;
        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails
            {
                Status = status,
                Title = status == 415 ? "Unsupported media type" : "Bad request",
                Type = status == 415 ? "https://approvals.example/problems/unsupported-media-type" : "https://approvals.example/problems/bad-request",
                Detail = detail,
            },
        });
    }
}
