using System.Text.Json;
using System.Text.Json.Serialization;
using DurableTasks.Abstractions;
using DurableTasks.History;

namespace DurableTasks.Backends;

/// <summary>Source-generated serialization of the engine's own records (history rows, message bodies).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(HistoryEvent))]
[JsonSerializable(typeof(OrchestrationMessage))]
[JsonSerializable(typeof(ActivityMessage))]
[JsonSerializable(typeof(TaskFailureDetails))]
[JsonSerializable(typeof(ParentInstanceInfo))]
public sealed partial class EngineJsonContext : JsonSerializerContext;
