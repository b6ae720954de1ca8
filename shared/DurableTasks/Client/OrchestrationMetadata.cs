using DurableTasks.Abstractions;
using DurableTasks.Converters;

namespace DurableTasks.Client;

/// <summary>The state of an instance as a client sees it: status, custom status, input, output, failure, times.</summary>
public sealed class OrchestrationMetadata
{
    private readonly DataConverter converter;

    internal OrchestrationMetadata(Backends.InstanceRecord record, DataConverter converter)
    {
        this.converter = converter;
        InstanceId = record.InstanceId;
        Name = record.Name;
        RuntimeStatus = record.Status;
        CreatedAt = record.CreatedAt;
        LastUpdatedAt = record.LastUpdatedAt;
        SerializedInput = record.Input;
        SerializedOutput = record.Output;
        SerializedCustomStatus = record.CustomStatus;
        FailureDetails = record.Failure;
    }

    public string InstanceId { get; }
    public string Name { get; }
    public OrchestrationRuntimeStatus RuntimeStatus { get; }
    public DateTimeOffset CreatedAt { get; }
    public DateTimeOffset LastUpdatedAt { get; }
    public string? SerializedInput { get; }
    public string? SerializedOutput { get; }
    public string? SerializedCustomStatus { get; }
    public TaskFailureDetails? FailureDetails { get; }

    /// <summary>True while the instance may still change.</summary>
    public bool IsRunning => RuntimeStatus is OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending;

    /// <summary>True once the instance has finished.</summary>
    public bool IsCompleted => RuntimeStatus.IsTerminal();

    public T? ReadInputAs<T>() => converter.Deserialize<T>(SerializedInput);

    public T? ReadOutputAs<T>() => converter.Deserialize<T>(SerializedOutput);

    public T? ReadCustomStatusAs<T>() => converter.Deserialize<T>(SerializedCustomStatus);
}
