using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Approvals.Functions.Identity;

/// <summary>The ASP.NET authentication scheme of the app: a thin adapter over <see cref="ICallerAuthentication"/>.</summary>
public sealed class CallerAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ICallerAuthentication callers)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Caller";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var result = await callers.AuthenticateAsync(Request, Context.RequestAborted);
        if (result.Succeeded) return AuthenticateResult.Success(new AuthenticationTicket(result.Principal, SchemeName));
        return result.Refused ? AuthenticateResult.Fail(result.Failure) : AuthenticateResult.NoResult();
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var outcome = await HandleAuthenticateOnceSafeAsync();
        await CallerChallenge.Unauthorized(outcome.Failure?.Message).ExecuteAsync(Context);
    }
}
