using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;

namespace Approvals.Functions.Identity;

/// <summary>
/// What <see cref="ICallerAuthentication"/> concluded about a request: an authenticated <see cref="Principal"/>, an
/// anonymous caller (no credentials at all: public routes serve it, the others answer 401), or credentials that were
/// presented and refused, with the <see cref="Failure"/> to put in the 401.
/// </summary>
public sealed record CallerAuthenticationResult
{
    private CallerAuthenticationResult(ClaimsPrincipal? principal, string? failure)
    {
        Principal = principal;
        Failure = failure;
    }

    public static CallerAuthenticationResult Anonymous { get; } = new(null, null);

    /// <summary>The caller, with roles as <see cref="ClaimTypes.Role"/> and the <c>uscc</c> / <c>dept</c> claims; null unless authenticated.</summary>
    public ClaimsPrincipal? Principal { get; }

    /// <summary>Why presented credentials were refused (safe to show the caller); null unless refused.</summary>
    public string? Failure { get; }

    [MemberNotNullWhen(true, nameof(Principal))]
    public bool Succeeded => Principal is not null;

    [MemberNotNullWhen(true, nameof(Failure))]
    public bool Refused => Failure is not null;

    public static CallerAuthenticationResult Success(ClaimsPrincipal principal) => new(principal, null);

    public static CallerAuthenticationResult Refuse(string failure) => new(null, failure);
}

/// <summary>The two request headers identity is read from, for hosts that do not hand over an ASP.NET <c>HttpRequest</c>.</summary>
/// <param name="Authorization">The <c>Authorization</c> header, e.g. <c>Bearer eyJ...</c> or <c>Bearer dev:applicant:&lt;USCC&gt;</c>.</param>
/// <param name="ClientPrincipal">The App Service <c>X-MS-CLIENT-PRINCIPAL</c> header (base64 JSON).</param>
public sealed record CallerCredentials(string? Authorization, string? ClientPrincipal)
{
    public const string ClientPrincipalHeader = "X-MS-CLIENT-PRINCIPAL";

    public static CallerCredentials From(HttpRequest request) => new(
        request.Headers.Authorization.Count > 0 ? request.Headers.Authorization.ToString() : null,
        request.Headers.TryGetValue(ClientPrincipalHeader, out var principal) ? principal.ToString() : null);
}
