using System.Globalization;
using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Approvals.Functions.LocalHost;

/// <summary>
/// Serves the app's HTTP-triggered functions on their routes under the host's route prefix (host.json,
/// <c>extensions.http.routePrefix</c>), binding parameters as the ASP.NET Core integration does: the request, route
/// values by name, the durable client, the cancellation token.
/// </summary>
public static class LocalHttpTriggers
{
    public static IReadOnlyList<IEndpointConventionBuilder> MapFunctions(this IEndpointRouteBuilder app, IEnumerable<LocalFunction> functions, string routePrefix)
    {
        var mapped = new List<IEndpointConventionBuilder>();
        foreach (var function in functions.Where(f => f.Http is not null))
        {
            var trigger = function.Http!;
            var pattern = "/" + string.Join('/', new[] { routePrefix.Trim('/'), (trigger.Route ?? function.Name).Trim('/') }.Where(s => s.Length > 0));
            var methods = (trigger.Methods is { Length: > 0 } m ? m : ["GET", "POST"]).Select(x => x.ToUpperInvariant()).ToArray();
            // A Delegate, not a RequestDelegate: only route handlers are described in the OpenAPI document.
            Delegate handler = (HttpContext context) => InvokeAsync(function, context);
            mapped.Add(app.MapMethods(pattern, methods, handler)
                .WithName(function.Name)
                .WithMetadata(function)
                .WithTags(Tag(function)));
        }
        return mapped;
    }

    private static async Task InvokeAsync(LocalFunction function, HttpContext context)
    {
        var result = await FunctionInvoker.InvokeAsync(function, context.RequestServices, parameter => Bind(parameter, function, context));
        switch (result)
        {
            case IResult answer:
                await answer.ExecuteAsync(context);
                break;
            case null:
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                break;
            default:
                await Results.Ok(result).ExecuteAsync(context);
                break;
        }
    }

    private static object? Bind(ParameterInfo parameter, LocalFunction function, HttpContext context)
    {
        if (parameter == function.TriggerParameter) return context.Request;
        if (parameter.ParameterType == typeof(CancellationToken)) return context.RequestAborted;
        if (parameter.GetCustomAttribute<DurableClientAttribute>() is not null) return context.RequestServices.GetRequiredService<DurableTaskClient>();
        if (context.Request.RouteValues.TryGetValue(parameter.Name!, out var value) && value is not null)
        {
            return parameter.ParameterType == typeof(string)
                ? Convert.ToString(value, CultureInfo.InvariantCulture)
                : Convert.ChangeType(value, Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType, CultureInfo.InvariantCulture);
        }
        // A route value that is absent (an empty catch-all) binds as null, as under the Functions host.
        if (parameter.ParameterType == typeof(string)) return null;
        throw new InvalidOperationException($"The local host cannot bind parameter {parameter.Name} of function {function.Name}.");
    }

    /// <summary>The OpenAPI tag: the function class without its "Functions" suffix.</summary>
    private static string Tag(LocalFunction function) => function.Method.DeclaringType!.Name.Replace("Functions", "", StringComparison.Ordinal).Replace("Function", "", StringComparison.Ordinal);
}
