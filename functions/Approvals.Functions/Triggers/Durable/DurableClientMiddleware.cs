using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.DurableTask.Client;

namespace Approvals.Functions.Triggers.Durable;

/// <summary>
/// Under the Functions host: before a function with a <c>durableClient</c> binding runs, binds that client and hands
/// it to <see cref="DurableClientSlot"/>, so the domain's services reach Durable Functions.
/// </summary>
public sealed class DurableClientMiddleware(DurableClientSlot slot) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (!slot.IsBound && context.FunctionDefinition.InputBindings.Values.FirstOrDefault(b => b.Type == "durableClient") is { } binding)
        {
            var bound = await context.BindInputAsync<DurableTaskClient>(binding);
            if (bound.Value is { } client) slot.Bind(client);
        }
        await next(context);
    }
}
