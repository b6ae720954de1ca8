using DurableTasks.Abstractions;
using DurableTasks.Backends;
using DurableTasks.Converters;
using DurableTasks.History;
using DurableTasks.Runtime;

namespace DurableTasks.Worker;

/// <summary>Runs one episode of a locked instance and turns the executor's decisions into a commit.</summary>
internal sealed class EpisodeProcessor(
    DurableTaskRegistry registry,
    IServiceProvider services,
    DataConverter converter,
    TimeProvider timeProvider,
    ExecutorCache cache)
{
    public async Task<(OrchestrationCommit Commit, OrchestrationExecutor? Executor)> ProcessAsync(
        IOrchestrationStore store, OrchestrationWorkItem item, CancellationToken cancellationToken)
    {
        var instance = item.Instance;
        var now = timeProvider.GetUtcNow();
        if (instance.Status.IsTerminal())
        {
            // A finished instance takes no more events: consume the late messages, change nothing.
            return (Unchanged(item), null);
        }

        var incoming = new List<HistoryEvent>(item.Messages.Count + 1) { new OrchestratorStartedEvent { Timestamp = now } };
        foreach (var message in item.Messages)
        {
            var sameExecution = message.ExecutionId is null || message.ExecutionId == instance.ExecutionId;
            if (message.Event is ExecutionStartedEvent started ? started.ExecutionId == instance.ExecutionId : sameExecution)
            {
                incoming.Add(message.Event with { MessageId = message.MessageId });
            }
        }

        if (!registry.Orchestrators.TryGetValue(instance.Name, out var factory))
        {
            var failure = new TaskFailureDetails("OrchestratorNotFound", $"No orchestrator named '{instance.Name}' is registered with this worker.");
            return (Build(item, incoming, [], [], new OrchestrationOutcome(OrchestrationRuntimeStatus.Failed, null, failure), instance.CustomStatus, now), null);
        }

        var executor = cache.TryTake(instance.InstanceId, instance.ExecutionId, instance.HistoryCount);
        IReadOnlyList<HistoryEvent> past = [];
        if (executor is null)
        {
            executor = new OrchestrationExecutor(instance.InstanceId, instance.Name, factory(services), converter);
            if (instance.HistoryCount > 0)
            {
                past = await store.GetHistoryAsync(instance.InstanceId, cancellationToken);
                Diagnostics.EngineTelemetry.Replays.Add(1);
            }
        }

        var result = executor.RunEpisode(past, incoming);
        var commit = Build(item, result.AcceptedEvents, result.NewActions, result.WithdrawnTimerIds, result.Outcome, result.CustomStatus, now);
        return (commit, executor.IsFinished ? null : executor);
    }

    /// <summary>Keeps a live replay state for the next episode of this instance.</summary>
    public void Keep(OrchestrationCommit commit, OrchestrationExecutor executor) =>
        cache.Put(commit.InstanceId, commit.ExecutionId, commit.WorkItem.Instance.HistoryCount + commit.NewEvents.Count, executor);

    private static OrchestrationCommit Unchanged(OrchestrationWorkItem item) => new()
    {
        WorkItem = item,
        ExecutionId = item.Instance.ExecutionId,
        Status = item.Instance.Status,
        Output = item.Instance.Output,
        Failure = item.Instance.Failure,
        CustomStatus = item.Instance.CustomStatus,
    };

    private OrchestrationCommit Build(
        OrchestrationWorkItem item,
        IReadOnlyList<HistoryEvent> accepted,
        IReadOnlyList<OrchestratorAction> actions,
        IReadOnlyList<int> withdrawnTimers,
        OrchestrationOutcome? outcome,
        string? customStatus,
        DateTimeOffset now)
    {
        var instance = item.Instance;
        var id = instance.InstanceId;
        var execution = instance.ExecutionId;
        var events = new List<HistoryEvent>(accepted);
        var orchestrationMessages = new List<OrchestrationMessage>();
        var activityMessages = new List<ActivityMessage>();
        var children = new List<InstanceRecord>();

        foreach (var action in actions)
        {
            switch (action.Kind)
            {
                case ActionKind.Activity:
                    events.Add(new TaskScheduledEvent(action.TaskId, action.Name, action.Input) { Timestamp = now });
                    activityMessages.Add(new ActivityMessage(MessageIds.Activity(id, execution, action.TaskId), id, execution, action.TaskId, action.Name, action.Input));
                    break;
                case ActionKind.Timer:
                    events.Add(new TimerCreatedEvent(action.TaskId, action.FireAt) { Timestamp = now });
                    if (!action.Cancelled)
                    {
                        Diagnostics.EngineTelemetry.TimersScheduled.Add(1);
                        orchestrationMessages.Add(new OrchestrationMessage(
                            MessageIds.Timer(id, execution, action.TaskId), id, execution,
                            new TimerFiredEvent(action.TaskId, action.FireAt) { Timestamp = action.FireAt }, action.FireAt));
                    }
                    break;
                case ActionKind.SubOrchestration:
                    var childId = action.ChildInstanceId!;
                    var childExecution = MessageIds.DerivedExecutionId($"{id}|{execution}|{action.TaskId}");
                    var parent = new ParentInstanceInfo(id, execution, action.TaskId);
                    events.Add(new SubOrchestrationCreatedEvent(action.TaskId, action.Name, childId, action.Input) { Timestamp = now });
                    children.Add(new InstanceRecord
                    {
                        InstanceId = childId,
                        Name = action.Name,
                        ExecutionId = childExecution,
                        Status = OrchestrationRuntimeStatus.Pending,
                        Input = action.Input,
                        CreatedAt = now,
                        LastUpdatedAt = now,
                        Parent = parent,
                    });
                    orchestrationMessages.Add(new OrchestrationMessage(
                        MessageIds.Start(childId, childExecution), childId, childExecution,
                        new ExecutionStartedEvent(action.Name, childExecution, action.Input, parent) { Timestamp = now }, now));
                    break;
            }
        }

        var commit = new OrchestrationCommit
        {
            WorkItem = item,
            ExecutionId = execution,
            NewEvents = events,
            Status = OrchestrationRuntimeStatus.Running,
            CustomStatus = customStatus,
            OrchestrationMessages = orchestrationMessages,
            ActivityMessages = activityMessages,
            NewInstances = children,
            WithdrawnMessageIds = withdrawnTimers.Select(t => MessageIds.Timer(id, execution, t)).ToList(),
        };
        if (outcome is null)
        {
            return commit;
        }

        if (outcome.ContinuedAsNew)
        {
            var next = MessageIds.DerivedExecutionId($"{id}|{execution}|continue");
            orchestrationMessages.Add(new OrchestrationMessage(
                MessageIds.Start(id, next), id, next,
                new ExecutionStartedEvent(instance.Name, next, outcome.Output, instance.Parent) { Timestamp = now }, now));
            foreach (var carried in outcome.CarriedOverEvents ?? [])
            {
                orchestrationMessages.Add(new OrchestrationMessage(carried.MessageId ?? $"{next}|carried|{orchestrationMessages.Count}", id, null, carried with { MessageId = null }, now));
            }
            return commit with { ExecutionId = next, ResetHistory = true, NewEvents = [], Input = outcome.Output, Output = null };
        }

        if (outcome.Status != OrchestrationRuntimeStatus.Terminated)
        {
            events.Add(new ExecutionCompletedEvent(outcome.Status, outcome.Output, outcome.Failure) { Timestamp = now });
        }
        if (instance.Parent is { } parentInfo)
        {
            HistoryEvent report = outcome.Status == OrchestrationRuntimeStatus.Completed
                ? new SubOrchestrationCompletedEvent(parentInfo.TaskScheduledId, outcome.Output) { Timestamp = now }
                : new SubOrchestrationFailedEvent(parentInfo.TaskScheduledId, outcome.Failure
                    ?? new TaskFailureDetails("Terminated", $"Sub-orchestration '{id}' was terminated: {outcome.Output}")) { Timestamp = now };
            orchestrationMessages.Add(new OrchestrationMessage(MessageIds.ChildDone(id, execution), parentInfo.InstanceId, parentInfo.ExecutionId, report, now));
        }
        return commit with { Status = outcome.Status, Output = outcome.Output, Failure = outcome.Failure };
    }
}
