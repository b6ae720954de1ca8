using Approvals.BusinessOpenings;
using Approvals.Functions.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Approvals.Functions.Triggers.Http;

/// <summary>
/// The supervisor's view of 开户即开业: every open case with its post-check lights, red first (a post-check past its due
/// date stays due and red until the department records it).
/// </summary>
public sealed class SupervisionBusinessOpeningFunctions(HttpCall http, BusinessOpeningQueries queries)
{
    [Function("SupervisionBusinessOpenings")]
    public Task<IResult> Open(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "supervision/business-openings")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        http.RunAsync(request, Access.Supervisor, async _ =>
        {
            var open = await queries.OpenAsync(request.HttpContext.RequestAborted);
            var due = open.SelectMany(c => c.Items).Where(i => i.PostCheckStatus == "due").ToList();
            return Results.Ok(new
            {
                open = open.Count,
                red = due.Count(i => i.Light == "red"),
                yellow = due.Count(i => i.Light == "yellow"),
                green = due.Count(i => i.Light == "green"),
                cases = open.Select(BusinessOpeningResponses.Line),
            });
        });
}
