using System.Security.Claims;
using Approvals.Functions.Identity;
using Approvals.Functions.Problems;

namespace Approvals.Functions.Http;

/// <summary>
/// What every HTTP function does around its own work, under the Functions host and the local host alike: identify the
/// caller (<see cref="ICallerAuthentication"/>; 401 for refused or missing credentials where a caller is needed, 403
/// for the wrong role), read a JSON body within its cap, and turn a failure into problem+json instead of a bare 500.
/// </summary>
public sealed class HttpCall(ICallerAuthentication callers, ILogger<HttpCall> logger)
{
    public Task<IResult> RunAsync(HttpRequest request, Access access, Func<ClaimsPrincipal, Task<IResult>> work) =>
        GuardAsync(request, access, work);

    public Task<IResult> RunAsync(HttpRequest request, Access access, Func<ClaimsPrincipal, IResult> work) =>
        GuardAsync(request, access, user => Task.FromResult(work(user)));

    /// <summary>The same with a JSON body of <typeparamref name="TBody"/> (at most <paramref name="maxBytes"/>).</summary>
    public Task<IResult> RunAsync<TBody>(HttpRequest request, Access access, Func<ClaimsPrincipal, TBody, Task<IResult>> work, int maxBytes = JsonBody.DefaultMaxBytes)
        where TBody : class =>
        GuardAsync(request, access, async user =>
        {
            var (body, problem) = await JsonBody.ReadAsync<TBody>(request, maxBytes, request.HttpContext.RequestAborted);
            return problem ?? await work(user, body!);
        });

    private async Task<IResult> GuardAsync(HttpRequest request, Access access, Func<ClaimsPrincipal, Task<IResult>> work)
    {
        var caller = await callers.AuthenticateAsync(request, request.HttpContext.RequestAborted);
        if (caller.Refused) return CallerChallenge.Unauthorized(caller);
        var user = caller.Principal ?? new ClaimsPrincipal(new ClaimsIdentity());
        request.HttpContext.User = user;
        if (!access.Allows(user))
        {
            return user.Identity?.IsAuthenticated == true
                ? Problem.Forbidden($"this call needs the {access} role")
                : CallerChallenge.Unauthorized(caller);
        }
        try
        {
            return await work(user);
        }
        catch (OperationCanceledException) when (request.HttpContext.RequestAborted.IsCancellationRequested)
        {
            return Results.StatusCode(499);
        }
        catch (Approvals.Applications.InvalidQueryException query)
        {
            return new ValidationProblem().Add(query.Field, query.Message).ToResult();
        }
        catch (BadHttpRequestException bad)
        {
            return Results.Problem(bad.Message, statusCode: bad.StatusCode, title: "Bad request", type: "https://approvals.example/problems/bad-request");
        }
        catch (Exception ex) when (StoreFaultProblem.TryFrom(ex) is { } unavailable)
        {
            logger.LogWarning("{Method} {Path}: a store is unavailable: {Problem}", request.Method, request.Path, ex.GetBaseException().Message);
            return unavailable;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "{Method} {Path} failed", request.Method, request.Path);
            return Results.Problem("The request could not be completed; nothing was changed that the answer does not say. Try again.",
                statusCode: 500, title: "Internal error", type: "https://approvals.example/problems/internal");
        }
    }
}
