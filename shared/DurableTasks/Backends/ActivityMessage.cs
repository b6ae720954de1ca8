using P = Microsoft.DurableTask.Protobuf;

namespace DurableTasks.Backends;

/// <summary>A request to run an activity for one step of an orchestration execution, as Microsoft's <see cref="P.ActivityRequest"/>.</summary>
public sealed record ActivityMessage(string MessageId, P.ActivityRequest Request)
{
    public string InstanceId => Request.OrchestrationInstance.InstanceId;

    public string ExecutionId => Request.OrchestrationInstance.ExecutionId ?? string.Empty;
}
