using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Approvals.Functions.Triggers.Durable;

/// <summary>
/// The domain's services (commands, queries) take a <see cref="DurableTaskClient"/> from DI, while Durable Functions
/// hands its client to a function only through the <c>[DurableClient]</c> binding. Under the Functions host the
/// registered client is this forwarder: <see cref="DurableClientMiddleware"/> puts the first bound client into it
/// (the host's gRPC endpoint is the same for the process's lifetime), and every call goes to that client.
/// </summary>
public sealed class DurableClientSlot() : DurableTaskClient("durable-functions")
{
    private DurableTaskClient? bound;

    public bool IsBound => Volatile.Read(ref bound) is not null;

    public void Bind(DurableTaskClient client) => Interlocked.CompareExchange(ref bound, client, null);

    private DurableTaskClient Client => Volatile.Read(ref bound)
        ?? throw new InvalidOperationException("No [DurableClient] binding has reached this worker yet; every function that uses the domain declares one.");

    public override Task<string> ScheduleNewOrchestrationInstanceAsync(TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default) =>
        Client.ScheduleNewOrchestrationInstanceAsync(orchestratorName, input, options, cancellation);

    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default) =>
        Client.RaiseEventAsync(instanceId, eventName, eventPayload, cancellation);

    public override Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        Client.GetInstancesAsync(instanceId, getInputsAndOutputs, cancellation);

    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null) => Client.GetAllInstancesAsync(filter);

    public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        Client.WaitForInstanceStartAsync(instanceId, getInputsAndOutputs, cancellation);

    public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs, cancellation);

    public override Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default) =>
        Client.TerminateInstanceAsync(instanceId, options, cancellation);

    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        Client.SuspendInstanceAsync(instanceId, reason, cancellation);

    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        Client.ResumeInstanceAsync(instanceId, reason, cancellation);

    public override Task<PurgeResult> PurgeInstanceAsync(string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default) =>
        Client.PurgeInstanceAsync(instanceId, options, cancellation);

    public override Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, PurgeInstanceOptions? options = null, CancellationToken cancellation = default) =>
        Client.PurgeAllInstancesAsync(filter, options, cancellation);

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
