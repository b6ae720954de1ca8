using System.Reflection;

namespace Approvals.Functions.LocalHost;

/// <summary>
/// Calls a function's method the way the isolated worker does: its class activated per invocation from the
/// invocation's services (static methods need none), each parameter bound by the caller, the returned
/// task awaited and its result handed back.
/// </summary>
public static class FunctionInvoker
{
    public static async Task<object?> InvokeAsync(LocalFunction function, IServiceProvider services, Func<ParameterInfo, object?> bind)
    {
        var method = function.Method;
        var target = method.IsStatic ? null : ActivatorUtilities.CreateInstance(services, method.DeclaringType!);
        object? returned;
        try
        {
            returned = method.Invoke(target, method.GetParameters().Select(bind).ToArray());
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }
        switch (returned)
        {
            case Task task:
                await task;
                return ResultOf(task);
            case ValueTask valueTask:
                await valueTask;
                return null;
            default:
                return returned;
        }
    }

    /// <summary>The type a function's caller receives: T of Task&lt;T&gt;, or the plain return type.</summary>
    public static Type ResultType(MethodInfo method)
    {
        var type = method.ReturnType;
        if (type == typeof(Task) || type == typeof(void) || type == typeof(ValueTask)) return typeof(object);
        if (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>)))
        {
            return type.GetGenericArguments()[0];
        }
        return type;
    }

    private static object? ResultOf(Task task)
    {
        var type = task.GetType();
        if (!type.IsGenericType) return null;
        var result = type.GetProperty(nameof(Task<object>.Result))!.GetValue(task);
        // Task<VoidTaskResult> (an async method returning Task) carries no result.
        return result?.GetType().Name == "VoidTaskResult" ? null : result;
    }
}
