using System.Text.Json.Serialization;

namespace Approvals.Functions.Invocations;

/// <summary>
/// The answer to the Functions host: output binding values, log lines for the host's log, and a return value.
/// Property names are the protocol's own (PascalCase), not the API's camelCase.
/// </summary>
public sealed record InvocationResponse(
    [property: JsonPropertyName("Outputs")] Dictionary<string, object?> Outputs,
    [property: JsonPropertyName("Logs")] List<string> Logs,
    [property: JsonPropertyName("ReturnValue")] object? ReturnValue)
{
    public static InvocationResponse Done(params string[] logs) => new([], [.. logs], null);
}
