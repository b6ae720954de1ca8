namespace Approvals.Functions.Tests.Infrastructure.Bicep;

/// <summary>
/// Compares the template with the code: resource names (both ways), the bindings of the built functions.metadata, and the app settings
/// the code and the host read. Returns one line per drift; no drift is an empty list.
/// </summary>
public static class InfraConsistency
{
    public const string StorageQueueType = "Microsoft.Storage/storageAccounts/queueServices/queues";
    public const string TableType = "Microsoft.Storage/storageAccounts/tableServices/tables";
    public const string ContainerType = "Microsoft.Storage/storageAccounts/blobServices/containers";
    public const string ServiceBusTopicType = "Microsoft.ServiceBus/namespaces/topics";

    /// <summary>Containers the platform needs that the code never reads: Flex Consumption's deployment package.</summary>
    public static readonly IReadOnlySet<string> InfrastructureOnlyContainers = new HashSet<string>(StringComparer.Ordinal) { "app-package" };

    public static IReadOnlyList<string> Check(BicepTemplate template, CodeNames code, IReadOnlyList<FunctionBinding> bindings) =>
        [.. ResourceNames(template, code), .. Bindings(template, code, bindings), .. AppSettingRules.Check(template, code)];

    public static IEnumerable<string> ResourceNames(BicepTemplate template, CodeNames code)
    {
        var kinds = new (string Kind, string Type, IReadOnlyList<string> Expected, IReadOnlySet<string> InfraOnly)[]
        {
            ("storage queue", StorageQueueType, code.StorageQueues, new HashSet<string>()),
            ("table", TableType, code.Tables, new HashSet<string>()),
            ("blob container", ContainerType, code.Containers, InfrastructureOnlyContainers),
            ("Service Bus topic", ServiceBusTopicType, code.ServiceBusTopics, new HashSet<string>()),
        };
        foreach (var (kind, type, expected, infraOnly) in kinds)
        {
            var (declared, problems) = DeclaredNames(template, type);
            foreach (var problem in problems) yield return problem;
            foreach (var name in expected.Except(declared, StringComparer.Ordinal))
            {
                yield return $"{kind} '{name}' is named in AzureResourceNames but not declared in the Bicep";
            }
            foreach (var name in declared.Except(expected, StringComparer.Ordinal).Where(n => !infraOnly.Contains(n)))
            {
                yield return $"{kind} '{name}' is declared in the Bicep but not named in AzureResourceNames";
            }
        }
    }

    public static (IReadOnlyList<string> Names, IReadOnlyList<string> Problems) DeclaredNames(BicepTemplate template, string type)
    {
        var names = new List<string>();
        var problems = new List<string>();
        foreach (var declared in template.Resources(type))
        {
            var resolution = BicepTemplate.ResolveNames(declared);
            names.AddRange(resolution.Names);
            if (resolution.Problem is { } problem) problems.Add($"cannot read a {type} name: {problem}");
        }
        return (names, problems);
    }

    public static IEnumerable<string> Bindings(BicepTemplate template, CodeNames code, IReadOnlyList<FunctionBinding> bindings)
    {
        var storageQueues = DeclaredNames(template, StorageQueueType).Names;
        var settings = template.AppSettings();
        foreach (var binding in bindings)
        {
            var at = $"function {binding.Function}: {binding.Type}";
            switch (binding.Type)
            {
                case "queueTrigger" or "queue":
                    foreach (var drift in Queue(at, binding.QueueName, code.StorageQueues, storageQueues, "storage queue")) yield return drift;
                    foreach (var drift in ConnectionRules.Storage(at, binding.Connection ?? "AzureWebJobsStorage", settings)) yield return drift;
                    break;
                case "serviceBusTrigger" or "serviceBus":
                    yield return $"{at}: no Service Bus binding is served for the isolated worker here; department responses come on the storage queue";
                    break;
                case "timerTrigger":
                    // The host keeps timer schedules and singleton locks in AzureWebJobsStorage.
                    foreach (var drift in ConnectionRules.Storage(at, "AzureWebJobsStorage", settings)) yield return drift;
                    break;
                case "durableClient" or "orchestrationTrigger" or "activityTrigger":
                    // Durable Functions keeps its task hub (queues, tables, blobs) in AzureWebJobsStorage.
                    foreach (var drift in ConnectionRules.Storage(at, "AzureWebJobsStorage", settings)) yield return drift;
                    break;
                case "httpTrigger" or "http":
                    break;
                default:
                    yield return $"{at}: binding type not understood by the consistency check; teach InfraConsistency.Bindings about it";
                    break;
            }
        }
    }

    private static IEnumerable<string> Queue(string at, string? queueName, IReadOnlyList<string> codeNames, IReadOnlyList<string> declared, string kind)
    {
        if (queueName is null)
        {
            yield return $"{at}: no queueName";
            yield break;
        }
        if (!codeNames.Contains(queueName, StringComparer.Ordinal)) yield return $"{at}: queue '{queueName}' is not named in AzureResourceNames";
        if (!declared.Contains(queueName, StringComparer.Ordinal)) yield return $"{at}: queue '{queueName}' is not declared as a {kind} in the Bicep";
    }
}
