using DurableTasks.Backends;

namespace Approvals.Azure.Engine;

/// <summary>What one commit still has to send after its transaction: children to create, messages for other instances, activity requests.</summary>
internal sealed record OutboxEnvelope(
    IReadOnlyList<InstanceRecord> Children,
    IReadOnlyList<OrchestrationMessage> Messages,
    IReadOnlyList<ActivityMessage> Activities);

/// <summary>A control-queue message: "instance <see cref="InstanceId"/> has a message due at <see cref="DueTicks"/>". Only a hint.</summary>
internal sealed record ControlHint(string InstanceId, long DueTicks);

/// <summary>An activity-queue message: the request itself, or the name of the blob holding it when too large for a queue message.</summary>
internal sealed record ActivityEnvelope(ActivityMessage? Message, string? Blob);
