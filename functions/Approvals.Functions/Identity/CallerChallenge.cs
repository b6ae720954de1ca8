namespace Approvals.Functions.Identity;

/// <summary>
/// The 401 every host answers when a protected call has no verified caller: <c>application/problem+json</c>
/// (RFC 9457) with a <c>WWW-Authenticate: Bearer</c> header (RFC 6750; <c>error="invalid_token"</c> when a credential was refused).
/// </summary>
public static class CallerChallenge
{
    public const string ProblemType = "https://approvals.example/problems/unauthorized";

    /// <summary>The 401 for a result that did not succeed (anonymous or refused).</summary>
    public static IResult Unauthorized(CallerAuthenticationResult result) => Unauthorized(result.Failure);

    /// <param name="failure">Why presented credentials were refused, or null when there were none.</param>
    public static IResult Unauthorized(string? failure) => new UnauthorizedProblem(failure);

    private sealed class UnauthorizedProblem(string? failure) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.WWWAuthenticate = failure is null
                ? "Bearer"
                : $"Bearer error=\"invalid_token\", error_description=\"{failure.Replace("\"", "'", StringComparison.Ordinal)}\"";
            return Results.Problem(
                detail: failure ?? "This call needs a caller: send Authorization: Bearer <token>.",
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Unauthorized",
                type: ProblemType).ExecuteAsync(httpContext);
        }
    }
}
