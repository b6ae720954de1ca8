using Approvals.BusinessOpenings;
using Approvals.Functions.Http;
using Microsoft.Azure.Functions.Worker;

namespace Approvals.Functions.Triggers.Http;

/// <summary>The public list of instant items (即办事项) of 开户即开业: each with its permit, filing or commitment route, post-check period, department and source.</summary>
public sealed class InstantItemCatalogFunctions(HttpCall http, BusinessOpeningPolicy policy)
{
    [Function("CatalogInstantItems")]
    public Task<IResult> Items([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "catalog/instant-items")] HttpRequest request) =>
        http.RunAsync(request, Access.Anonymous, _ => Results.Ok(BusinessOpeningResponses.Catalog(policy)));
}
