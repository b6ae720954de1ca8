namespace DurableTasks.Worker;

/// <summary>
/// Deterministic message ids: the same step always produces the same id, so a message sent twice after a crash is
/// recognised as a duplicate by the store while it is queued.
/// </summary>
internal static class MessageIds
{
    public static string Activity(string instanceId, string executionId, int taskId) => $"{instanceId}|{executionId}|a{taskId}";

    public static string ActivityResult(string activityMessageId) => $"{activityMessageId}|result";

    public static string Timer(string instanceId, string executionId, int timerId) => $"{instanceId}|{executionId}|t{timerId}";

    public static string Start(string instanceId, string executionId) => $"{instanceId}|{executionId}|start";

    public static string ChildDone(string instanceId, string executionId) => $"{instanceId}|{executionId}|done";

    public static string EventSent(string instanceId, string executionId, int actionId) => $"{instanceId}|{executionId}|e{actionId}";

    public static string Carried(string instanceId, string executionId, int index) => $"{instanceId}|{executionId}|carry{index}";

    public static string DerivedExecutionId(string seed)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(seed));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
