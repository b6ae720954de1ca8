using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Approvals.Functions.LocalHost.OpenApi;

/// <summary>
/// Names the document and the one way to sign in: a bearer token (Entra ID in Azure; in Development also
/// <c>dev:&lt;role&gt;:&lt;id&gt;</c>). Anonymous calls (catalog, verification, project code page) need none.
/// </summary>
public sealed class BearerSecurity : IOpenApiDocumentTransformer
{
    public const string Scheme = "bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "告知承诺制审批 / Notify-and-commit approvals";
        document.Info.Description = "The HTTP contract of the approval workflow (see api.md and the README). 时间均为上海时间 (+08:00) / times are Shanghai time.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Scheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = Scheme,
            BearerFormat = "JWT",
            Description = "Entra ID access token; in Development also dev:applicant:<uscc>, dev:department:<code>, dev:supervisor:<name>",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Scheme, document)] = [] }];
        return Task.CompletedTask;
    }
}
