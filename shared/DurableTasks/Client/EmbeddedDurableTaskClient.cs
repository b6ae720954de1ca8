using DurableTask.Core.Exceptions;
using DurableTasks.Backends;
using DurableTasks.Worker;
using Google.Protobuf.WellKnownTypes;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using P = Microsoft.DurableTask.Protobuf;

namespace DurableTasks.Client;

/// <summary>
/// Microsoft's <see cref="DurableTaskClient"/> over the embedded store: callers (endpoints, handlers, audits) program
/// against the abstract client, exactly as they do against Durable Functions' client in Azure.
/// </summary>
public sealed class EmbeddedDurableTaskClient : DurableTaskClient
{
    private readonly IOrchestrationStore store;
    private readonly TimeProvider time;
    private readonly DataConverter converter;

    public EmbeddedDurableTaskClient(IOrchestrationStore store, TimeProvider? timeProvider = null, DataConverter? converter = null)
        : base("embedded")
    {
        this.store = store;
        time = timeProvider ?? TimeProvider.System;
        this.converter = converter ?? Microsoft.DurableTask.Converters.JsonDataConverter.Default;
    }

    /// <summary>The store this client talks to.</summary>
    public IOrchestrationStore Store => store;

    /// <summary>
    /// Schedules an instance. With a caller-chosen id the call is idempotent: an instance that exists with the same
    /// orchestrator and input answers its id again; one with another orchestrator or input throws
    /// <see cref="OrchestrationAlreadyExistsException"/>.
    /// </summary>
    public override async Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orchestratorName.Name);
        var instanceId = options?.InstanceId ?? Guid.NewGuid().ToString("N");
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        var now = time.GetUtcNow();
        var executionId = MessageIds.DerivedExecutionId($"{instanceId}|root");
        var serialized = converter.Serialize(input);
        var record = new InstanceRecord
        {
            InstanceId = instanceId,
            Name = orchestratorName.Name,
            ExecutionId = executionId,
            Status = OrchestrationRuntimeStatus.Pending,
            Input = serialized,
            CreatedAt = now,
            LastUpdatedAt = now,
        };
        var started = new P.ExecutionStartedEvent
        {
            Name = orchestratorName.Name,
            Input = serialized,
            OrchestrationInstance = new P.OrchestrationInstance { InstanceId = instanceId, ExecutionId = executionId },
        };
        if (options?.StartAt is { } startAt) started.ScheduledStartTimestamp = Timestamp.FromDateTimeOffset(startAt);
        var start = new OrchestrationMessage(
            MessageIds.Start(instanceId, executionId), instanceId, executionId,
            new P.HistoryEvent { EventId = -1, Timestamp = Timestamp.FromDateTimeOffset(now), ExecutionStarted = started },
            options?.StartAt is { } at && at > now ? at : now);
        if (await store.CreateInstanceAsync(record, start, cancellation)) return instanceId;

        var existing = await store.GetInstanceAsync(instanceId, cancellation);
        if (existing is not null
            && string.Equals(existing.Name, orchestratorName.Name, StringComparison.OrdinalIgnoreCase)
            && string.Equals(existing.Input, serialized, StringComparison.Ordinal))
        {
            return instanceId;
        }
        throw new OrchestrationAlreadyExistsException($"An orchestration with id '{instanceId}' already exists with another orchestrator or input (status {existing?.Status}).");
    }

    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default) =>
        RaiseEventAsync(instanceId, eventName, eventPayload, eventId: null, cancellation);

    /// <summary>
    /// Sends an external event. With <paramref name="eventId"/> delivery is idempotent for the instance's lifetime: the
    /// same id raised again, before or after delivery, is dropped. (Durable Functions has no such id; callers that need
    /// the guarantee in Azure deduplicate in the orchestration.)
    /// </summary>
    public async Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload, string? eventId, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        _ = await store.GetInstanceAsync(instanceId, cancellation) ?? throw new ArgumentException($"No instance with id '{instanceId}' exists.", nameof(instanceId));
        var now = time.GetUtcNow();
        var raised = new P.HistoryEvent
        {
            EventId = -1,
            Timestamp = Timestamp.FromDateTimeOffset(now),
            EventRaised = new P.EventRaisedEvent { Name = eventName, Input = converter.Serialize(eventPayload) },
        };
        var messageId = eventId is null ? $"{instanceId}|event|{Guid.NewGuid():N}" : $"{instanceId}|event|{eventId}";
        await store.SendAsync([new OrchestrationMessage(messageId, instanceId, null, raised, now) { RememberAfterDelivery = eventId is not null }], cancellation);
    }

    public override async Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        var record = await store.GetInstanceAsync(instanceId, cancellation);
        return record is null ? null : ToMetadata(record, getInputsAndOutputs);
    }

    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null) =>
        Pageable.Create(async (string? continuation, int? pageSize, CancellationToken cancellation) =>
        {
            var page = await store.QueryInstancesAsync(new InstanceQuery
            {
                Statuses = filter?.Statuses?.ToList(),
                CreatedFrom = filter?.CreatedFrom,
                CreatedTo = filter?.CreatedTo,
                InstanceIdPrefix = filter?.InstanceIdPrefix,
                PageSize = pageSize ?? filter?.PageSize ?? OrchestrationQuery.DefaultPageSize,
                ContinuationToken = continuation ?? filter?.ContinuationToken,
            }, cancellation);
            var fetch = filter?.FetchInputsAndOutputs ?? false;
            return new Page<OrchestrationMetadata>(page.Instances.Select(r => ToMetadata(r, fetch)).ToList(), page.ContinuationToken);
        });

    public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        WaitAsync(instanceId, getInputsAndOutputs, m => m.RuntimeStatus != OrchestrationRuntimeStatus.Pending, cancellation);

    public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        WaitAsync(instanceId, getInputsAndOutputs, m => m.IsCompleted, cancellation);

    /// <summary>Waits until <paramref name="condition"/> holds for the instance (a custom status, say), re-reading on every store change.</summary>
    public Task<OrchestrationMetadata> WaitForInstanceAsync(string instanceId, Func<OrchestrationMetadata, bool> condition, CancellationToken cancellation = default) =>
        WaitAsync(instanceId, true, condition, cancellation);

    public override async Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        var existing = await store.GetInstanceAsync(instanceId, cancellation) ?? throw new ArgumentException($"No instance with id '{instanceId}' exists.", nameof(instanceId));
        if (existing.Status.IsTerminal()) return;
        await SendLifecycleAsync(instanceId, "terminate", new P.HistoryEvent { ExecutionTerminated = new P.ExecutionTerminatedEvent { Input = converter.Serialize(options?.Output) } }, cancellation);
    }

    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        SendLifecycleAsync(instanceId, $"suspend|{Guid.NewGuid():N}", new P.HistoryEvent { ExecutionSuspended = new P.ExecutionSuspendedEvent { Input = reason } }, cancellation);

    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        SendLifecycleAsync(instanceId, $"resume|{Guid.NewGuid():N}", new P.HistoryEvent { ExecutionResumed = new P.ExecutionResumedEvent { Input = reason } }, cancellation);

    public override async Task<PurgeResult> PurgeInstanceAsync(string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default) =>
        new(await store.PurgeInstanceAsync(instanceId, cancellation) ? 1 : 0);

    public override async Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        var purged = 0;
        var query = new OrchestrationQuery
        {
            CreatedFrom = filter.CreatedFrom,
            CreatedTo = filter.CreatedTo,
            Statuses = filter.Statuses ?? [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated],
        };
        var ids = new List<string>();
        await foreach (var instance in GetAllInstancesAsync(query).WithCancellation(cancellation)) ids.Add(instance.InstanceId);
        foreach (var id in ids)
        {
            if (await store.PurgeInstanceAsync(id, cancellation)) purged++;
        }
        return new PurgeResult(purged, true);
    }

    /// <summary>The current execution's history in Microsoft's protobuf shape, for timelines and debugging.</summary>
    public Task<IReadOnlyList<P.HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellation = default) =>
        store.GetHistoryAsync(instanceId, cancellation);

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task SendLifecycleAsync(string instanceId, string kind, P.HistoryEvent e, CancellationToken cancellation)
    {
        _ = await store.GetInstanceAsync(instanceId, cancellation) ?? throw new ArgumentException($"No instance with id '{instanceId}' exists.", nameof(instanceId));
        var now = time.GetUtcNow();
        e.EventId = -1;
        e.Timestamp = Timestamp.FromDateTimeOffset(now);
        await store.SendAsync([new OrchestrationMessage($"{instanceId}|{kind}", instanceId, null, e, now)], cancellation);
    }

    private async Task<OrchestrationMetadata> WaitAsync(string instanceId, bool getInputsAndOutputs, Func<OrchestrationMetadata, bool> condition, CancellationToken cancellation)
    {
        while (true)
        {
            var wake = store.Signal.Next;
            var metadata = await GetInstancesAsync(instanceId, getInputsAndOutputs, cancellation);
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

    private OrchestrationMetadata ToMetadata(InstanceRecord r, bool getInputsAndOutputs) => new(r.Name, r.InstanceId)
    {
        DataConverter = converter,
        RuntimeStatus = r.Status,
        CreatedAt = r.CreatedAt,
        LastUpdatedAt = r.LastUpdatedAt,
        SerializedInput = getInputsAndOutputs ? r.Input : null,
        SerializedOutput = getInputsAndOutputs ? r.Output : null,
        // As Durable Functions' client does: custom status is a payload, read only with inputs and outputs.
        SerializedCustomStatus = getInputsAndOutputs ? r.CustomStatus : null,
        FailureDetails = r.Failure,
    };
}
