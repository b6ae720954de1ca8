using Approvals.Calls;
using Approvals.Functions.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Approvals.Functions.Triggers.Http;

/// <summary>The supervisor's view of 呼叫即回应: every open call by unit with its light, units with red lights first.</summary>
public sealed class SupervisionCallFunctions(HttpCall http, CallQueries queries)
{
    [Function("SupervisionCalls")]
    public Task<IResult> Calls(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "supervision/calls")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        http.RunAsync(request, Access.Supervisor, async _ =>
            Results.Ok((await queries.BoardAsync(request.HttpContext.RequestAborted)).Select(u => new
            {
                unit = u.Unit,
                unitName = u.UnitName,
                unitNameEn = u.UnitNameEn,
                open = u.Calls.Count,
                red = u.Red,
                yellow = u.Yellow,
                green = u.Green,
                answered = u.Answered,
                calls = u.Calls.Select(CallResponses.Line),
            })));
}
