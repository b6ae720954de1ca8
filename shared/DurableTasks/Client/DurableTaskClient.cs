using DurableTasks.Abstractions;
using DurableTasks.Backends;
using DurableTasks.Converters;
using DurableTasks.History;

namespace DurableTasks.Client;

/// <summary>
/// Starts, queries, signals and manages orchestration instances. Names follow Microsoft.DurableTask's
/// DurableTaskClient so callers can move to Durable Functions by changing usings.
/// </summary>
public sealed class DurableTaskClient(IOrchestrationStore store, TimeProvider? timeProvider = null, DataConverter? converter = null)
{
    private readonly TimeProvider time = timeProvider ?? TimeProvider.System;
    private readonly DataConverter converter = converter ?? JsonDataConverter.Default;

    /// <summary>The store this client talks to.</summary>
    public IOrchestrationStore Store => store;

    /// <summary>Schedules a new instance and returns its id. See <see cref="StartOrchestrationOptions"/> for existing ids.</summary>
    public async Task<string> ScheduleNewOrchestrationInstanceAsync(
        string orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orchestratorName);
        var instanceId = options?.InstanceId ?? Guid.NewGuid().ToString("N");
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        var now = time.GetUtcNow();
        // Derived from the id so that replay-safe randomness is reproducible for a given instance id.
        var executionId = Worker.MessageIds.DerivedExecutionId($"{instanceId}|root");
        var serialized = converter.Serialize(input);
        var record = new InstanceRecord
        {
            InstanceId = instanceId,
            Name = orchestratorName,
            ExecutionId = executionId,
            Status = OrchestrationRuntimeStatus.Pending,
            Input = serialized,
            CreatedAt = now,
            LastUpdatedAt = now,
        };
        var start = new OrchestrationMessage(
            $"{instanceId}|{executionId}|start", instanceId, executionId,
            new ExecutionStartedEvent(orchestratorName, executionId, serialized) { Timestamp = now },
            options?.StartAt ?? now);
        if (await store.CreateInstanceAsync(record, start, cancellation))
        {
            return instanceId;
        }

        var existing = await store.GetInstanceAsync(instanceId, cancellation);
        if (options?.DedupeIdenticalRequests == true && existing is not null
            && string.Equals(existing.Name, orchestratorName, StringComparison.OrdinalIgnoreCase)
            && string.Equals(existing.Input, serialized, StringComparison.Ordinal))
        {
            return instanceId;
        }
        var reason = options?.DedupeIdenticalRequests == true ? "it was started with a different orchestrator or input" : $"its status is {existing?.Status}";
        throw new OrchestrationAlreadyExistsException(instanceId, reason);
    }

    /// <summary>
    /// Sends an external event. <paramref name="eventId"/> makes delivery idempotent: the same id raised twice
    /// is applied once.
    /// </summary>
    public async Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, string? eventId = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        _ = await store.GetInstanceAsync(instanceId, cancellation) ?? throw new OrchestrationNotFoundException(instanceId);
        var now = time.GetUtcNow();
        var messageId = eventId is null ? $"{instanceId}|event|{Guid.NewGuid():N}" : $"{instanceId}|event|{eventId}";
        await store.SendAsync([new OrchestrationMessage(messageId, instanceId, null, new EventRaisedEvent(eventName, converter.Serialize(eventPayload)) { Timestamp = now }, now)], cancellation);
    }

    /// <summary>The instance's state, or null when it does not exist.</summary>
    public async Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, CancellationToken cancellation = default)
    {
        var record = await store.GetInstanceAsync(instanceId, cancellation);
        return record is null ? null : new OrchestrationMetadata(record, converter);
    }

    /// <summary>Instances by status, creation time and id prefix, one page at a time.</summary>
    public async Task<(IReadOnlyList<OrchestrationMetadata> Instances, string? ContinuationToken)> QueryInstancesAsync(InstanceQuery query, CancellationToken cancellation = default)
    {
        var page = await store.QueryInstancesAsync(query, cancellation);
        return (page.Instances.Select(r => new OrchestrationMetadata(r, converter)).ToList(), page.ContinuationToken);
    }

    /// <summary>Waits until the instance has finished (completed, failed or terminated).</summary>
    public async Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, CancellationToken cancellation = default)
    {
        while (true)
        {
            var wake = store.Signal.Next;
            var metadata = await GetInstanceAsync(instanceId, cancellation) ?? throw new OrchestrationNotFoundException(instanceId);
            if (metadata.IsCompleted) return metadata;
            try
            {
                await wake.WaitAsync(TimeSpan.FromMilliseconds(200), cancellation);
            }
            catch (TimeoutException)
            {
            }
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds for the instance (e.g. a custom status), polling on store changes.</summary>
    public async Task<OrchestrationMetadata> WaitForInstanceAsync(string instanceId, Func<OrchestrationMetadata, bool> condition, CancellationToken cancellation = default)
    {
        while (true)
        {
            var wake = store.Signal.Next;
            var metadata = await GetInstanceAsync(instanceId, cancellation);
            if (metadata is not null && condition(metadata)) return metadata;
            try
            {
                await wake.WaitAsync(TimeSpan.FromMilliseconds(200), cancellation);
            }
            catch (TimeoutException)
            {
            }
        }
    }

    /// <summary>Stops a running instance; its status becomes Terminated with <paramref name="reason"/> as output.</summary>
    public async Task TerminateInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default)
    {
        var existing = await store.GetInstanceAsync(instanceId, cancellation) ?? throw new OrchestrationNotFoundException(instanceId);
        if (existing.Status.IsTerminal()) return;
        var now = time.GetUtcNow();
        await store.SendAsync([new OrchestrationMessage($"{instanceId}|terminate", instanceId, null, new ExecutionTerminatedEvent(reason) { Timestamp = now }, now)], cancellation);
    }

    /// <summary>Deletes a finished instance with its history; false when it is absent or still running.</summary>
    public Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken cancellation = default) =>
        store.PurgeInstanceAsync(instanceId, cancellation);

    /// <summary>The current execution's history, for timelines and debugging.</summary>
    public Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellation = default) =>
        store.GetHistoryAsync(instanceId, cancellation);
}
