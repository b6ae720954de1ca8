using System.Text.Json;
using Microsoft.DurableTask;

namespace Approvals.Functions.Json;

/// <summary>
/// The domain's payload JSON (<see cref="Approvals.Json.PayloadJson"/>: web defaults, Chinese text as itself) as the
/// Durable Task data converter locally and as the worker's serializer in Azure.
/// </summary>
public static class DurablePayloads
{
    public static JsonSerializerOptions Options => Approvals.Json.PayloadJson.Options;

    public static DataConverter Converter => Approvals.Json.PayloadJson.Converter;
}
