namespace Approvals.Functions.Portal;

/// <summary>
/// How the portal's pages sign in, answered to the browser as <c>portal/sign-in.json</c>: in Development a role
/// picker with dev tokens; elsewhere Entra ID through MSAL in the browser (public client, authorization code with
/// PKCE), so only public identifiers are here — never a secret. Settings: <c>Portal:SignIn:ClientId</c> (the portal's
/// app registration), <c>Portal:SignIn:Authority</c> (default <c>Auth:Authority</c>), <c>Portal:SignIn:Scope</c>
/// (default <c>api://{Auth:Audience}/.default</c>).
/// </summary>
public sealed class PortalSignIn(IConfiguration configuration, IHostEnvironment environment)
{
    public const string FileName = "sign-in.json";

    public object Settings()
    {
        if (environment.IsDevelopment())
        {
            return new { mode = "dev", roles = new[] { "applicant", "department", "supervisor" } };
        }
        var section = configuration.GetSection("Portal:SignIn");
        var audience = configuration["Auth:Audience"];
        return new
        {
            mode = "entra",
            clientId = section["ClientId"],
            authority = section["Authority"] ?? configuration["Auth:Authority"],
            scope = section["Scope"] ?? (string.IsNullOrEmpty(audience) ? null : $"api://{audience}/.default"),
            redirectPath = "/api/portal/",
        };
    }
}
