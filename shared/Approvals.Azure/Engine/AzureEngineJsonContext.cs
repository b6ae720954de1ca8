using System.Text.Json;
using System.Text.Json.Serialization;
using DurableTasks.Backends;
using DurableTasks.History;

namespace Approvals.Azure.Engine;

/// <summary>Source-generated serialization of what the Azure Storage store keeps in rows, blobs and queue messages.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(HistoryEvent))]
[JsonSerializable(typeof(OrchestrationMessage))]
[JsonSerializable(typeof(ActivityMessage))]
[JsonSerializable(typeof(InstanceRecord))]
[JsonSerializable(typeof(OutboxEnvelope))]
[JsonSerializable(typeof(ControlHint))]
[JsonSerializable(typeof(ActivityEnvelope))]
internal sealed partial class AzureEngineJsonContext : JsonSerializerContext;
