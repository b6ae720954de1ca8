using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Approvals.Functions.LocalHost;

/// <summary>
/// Every <c>[Function]</c> method of an assembly with its trigger: the same list the Worker SDK writes into
/// <c>functions.metadata</c> for the Functions host, read by reflection for the local host.
/// </summary>
public static class FunctionIndex
{
    private static readonly Type[] TriggerTypes =
    [
        typeof(HttpTriggerAttribute), typeof(QueueTriggerAttribute), typeof(TimerTriggerAttribute),
        typeof(OrchestrationTriggerAttribute), typeof(ActivityTriggerAttribute),
    ];

    public static IReadOnlyList<LocalFunction> Of(Assembly assembly) =>
        assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null)
            .Select(Describe)
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToList();

    private static LocalFunction Describe(MethodInfo method)
    {
        var name = method.GetCustomAttribute<FunctionAttribute>()!.Name;
        foreach (var parameter in method.GetParameters())
        {
            var trigger = parameter.GetCustomAttributes().FirstOrDefault(a => TriggerTypes.Contains(a.GetType()));
            if (trigger is not null) return new LocalFunction(name, method, parameter, trigger);
        }
        throw new InvalidOperationException($"Function {name} ({method.DeclaringType?.Name}.{method.Name}) has no trigger the local host knows.");
    }
}
