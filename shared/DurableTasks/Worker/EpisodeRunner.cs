using DurableTasks.Backends;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Grpc;
using P = Microsoft.DurableTask.Protobuf;

namespace DurableTasks.Worker;

/// <summary>
/// Runs one episode of a locked instance the way the Functions host hands one to the isolated worker: it builds an
/// <see cref="P.OrchestratorRequest"/> from the stored history and the new messages, lets Microsoft's runtime
/// (<see cref="GrpcOrchestrationRunner.LoadAndRun(string, ITaskOrchestrator, ExtendedSessionsCache?, IServiceProvider?)"/>)
/// replay the orchestrator, and turns the returned actions into one commit. It never interprets orchestrator code.
/// </summary>
internal sealed class EpisodeRunner(
    IOrchestrationStore store,
    RegisteredTasks tasks,
    IServiceProvider runtimeServices,
    TimeProvider timeProvider,
    ExtendedSessionsCache sessionsCache,
    SessionLedger sessions,
    TimeSpan sessionIdleTimeout)
{
    public async Task<OrchestrationCommit> RunAsync(OrchestrationWorkItem item, CancellationToken cancellationToken)
    {
        var instance = item.Instance;
        if (instance.Status.IsTerminal())
        {
            // A finished instance takes no more events: consume the late messages, change nothing.
            return Unchanged(item);
        }

        var now = timeProvider.GetUtcNow();
        var newEvents = new List<P.HistoryEvent>(item.Messages.Count + 1) { Stamp(new P.HistoryEvent { OrchestratorStarted = new() }, now) };
        // An execution's start comes first, whatever arrived before it (events a continue-as-new carried over to itself).
        foreach (var message in item.Messages.OrderBy(m => m.Event.EventTypeCase == P.HistoryEvent.EventTypeOneofCase.ExecutionStarted ? 0 : 1))
        {
            if (BelongsToCurrentExecution(message, instance.ExecutionId)) newEvents.Add(message.Event);
        }

        if (newEvents.FirstOrDefault(e => e.EventTypeCase == P.HistoryEvent.EventTypeOneofCase.ExecutionTerminated) is { } terminated)
        {
            sessions.Forget(instance.InstanceId);
            return Terminate(item, newEvents, terminated.ExecutionTerminated.Input, now);
        }
        if (newEvents.Count == 1)
        {
            // Only messages of an earlier execution: consume them.
            return Unchanged(item);
        }

        if (!tasks.TryGetOrchestrator(instance.Name, out var factory))
        {
            var missing = new P.TaskFailureDetails { ErrorType = "OrchestratorNotFound", ErrorMessage = $"No orchestrator named '{instance.Name}' is registered with this worker." };
            return Complete(item, newEvents, [], instance.CustomStatus, now, P.OrchestrationStatus.Failed, null, missing, []);
        }

        var response = await RunRuntimeAsync(item, factory, newEvents, cancellationToken);
        return Apply(item, newEvents, response, now);
    }

    /// <summary>Records the state the runtime's session now holds, once the commit is applied.</summary>
    public void Committed(OrchestrationCommit commit)
    {
        if (commit.Status.IsTerminal() || commit.ResetHistory)
        {
            sessions.Forget(commit.InstanceId);
            return;
        }
        var count = commit.WorkItem.Instance.HistoryCount + commit.NewEvents.Count;
        sessions.Record(commit.InstanceId, commit.ExecutionId, count);
    }

    /// <summary>The episode was not applied: the runtime's session may be ahead of the store, so the next one replays.</summary>
    public void Discarded(string instanceId) => sessions.Forget(instanceId);

    private async Task<P.OrchestratorResponse> RunRuntimeAsync(
        OrchestrationWorkItem item, Func<IServiceProvider, ITaskOrchestrator> factory, List<P.HistoryEvent> newEvents, CancellationToken cancellationToken)
    {
        var instance = item.Instance;
        var skipHistory = instance.HistoryCount > 0 && sessions.IsCurrent(instance.InstanceId, instance.ExecutionId, instance.HistoryCount);
        var response = Run(skipHistory ? [] : await HistoryAsync(instance, cancellationToken), includeState: !skipHistory);
        if (response.RequiresHistory)
        {
            Diagnostics.EngineTelemetry.SessionMisses.Add(1);
            response = Run(await HistoryAsync(instance, cancellationToken), includeState: true);
        }
        return response;

        P.OrchestratorResponse Run(IReadOnlyList<P.HistoryEvent> past, bool includeState)
        {
            var request = new P.OrchestratorRequest { InstanceId = instance.InstanceId, ExecutionId = instance.ExecutionId };
            request.PastEvents.AddRange(past);
            request.NewEvents.AddRange(newEvents);
            if (sessions.Enabled)
            {
                request.Properties["IsExtendedSession"] = Value.ForBool(true);
                request.Properties["ExtendedSessionIdleTimeoutInSeconds"] = Value.ForNumber(sessionIdleTimeout.TotalSeconds);
                request.Properties["IncludeState"] = Value.ForBool(includeState);
            }
            var encoded = GrpcOrchestrationRunner.LoadAndRun(request.ToByteString().ToBase64(), factory(runtimeServices), sessionsCache, runtimeServices);
            return P.OrchestratorResponse.Parser.ParseFrom(ByteString.FromBase64(encoded));
        }
    }

    private async Task<IReadOnlyList<P.HistoryEvent>> HistoryAsync(InstanceRecord instance, CancellationToken cancellationToken)
    {
        if (instance.HistoryCount == 0) return [];
        Diagnostics.EngineTelemetry.Replays.Add(1);
        return await store.GetHistoryAsync(instance.InstanceId, cancellationToken);
    }

    private OrchestrationCommit Apply(OrchestrationWorkItem item, List<P.HistoryEvent> newEvents, P.OrchestratorResponse response, DateTimeOffset now)
    {
        var instance = item.Instance;
        var id = instance.InstanceId;
        var execution = instance.ExecutionId;
        var history = new List<P.HistoryEvent>(newEvents);
        var messages = new List<OrchestrationMessage>();
        var activities = new List<ActivityMessage>();
        var children = new List<InstanceRecord>();
        P.CompleteOrchestrationAction? completion = null;

        foreach (var action in response.Actions)
        {
            switch (action.OrchestratorActionTypeCase)
            {
                case P.OrchestratorAction.OrchestratorActionTypeOneofCase.ScheduleTask:
                    var task = action.ScheduleTask;
                    history.Add(Stamp(new P.HistoryEvent { EventId = action.Id, TaskScheduled = new P.TaskScheduledEvent { Name = task.Name, Version = task.Version, Input = task.Input } }, now));
                    var request = new P.ActivityRequest
                    {
                        Name = task.Name,
                        Version = task.Version,
                        Input = task.Input,
                        TaskId = action.Id,
                        OrchestrationInstance = new P.OrchestrationInstance { InstanceId = id, ExecutionId = execution },
                    };
                    activities.Add(new ActivityMessage(MessageIds.Activity(id, execution, action.Id), request));
                    break;
                case P.OrchestratorAction.OrchestratorActionTypeOneofCase.CreateTimer:
                    var fireAt = action.CreateTimer.FireAt;
                    history.Add(Stamp(new P.HistoryEvent { EventId = action.Id, TimerCreated = new P.TimerCreatedEvent { FireAt = fireAt } }, now));
                    var fired = new P.HistoryEvent { EventId = -1, Timestamp = fireAt, TimerFired = new P.TimerFiredEvent { FireAt = fireAt, TimerId = action.Id } };
                    messages.Add(new OrchestrationMessage(MessageIds.Timer(id, execution, action.Id), id, execution, fired, fireAt.ToDateTimeOffset()));
                    Diagnostics.EngineTelemetry.TimersScheduled.Add(1);
                    break;
                case P.OrchestratorAction.OrchestratorActionTypeOneofCase.CreateSubOrchestration:
                    var sub = action.CreateSubOrchestration;
                    history.Add(Stamp(new P.HistoryEvent
                    {
                        EventId = action.Id,
                        SubOrchestrationInstanceCreated = new P.SubOrchestrationInstanceCreatedEvent { InstanceId = sub.InstanceId, Name = sub.Name, Version = sub.Version, Input = sub.Input },
                    }, now));
                    var childExecution = MessageIds.DerivedExecutionId($"{id}|{execution}|{action.Id}");
                    var parent = new ParentInstance(id, execution, instance.Name, action.Id);
                    children.Add(new InstanceRecord
                    {
                        InstanceId = sub.InstanceId,
                        Name = sub.Name,
                        ExecutionId = childExecution,
                        Status = OrchestrationRuntimeStatus.Pending,
                        Input = sub.Input,
                        CreatedAt = now,
                        LastUpdatedAt = now,
                        Parent = parent,
                    });
                    messages.Add(Start(sub.InstanceId, childExecution, sub.Name, sub.Input, parent, now));
                    break;
                case P.OrchestratorAction.OrchestratorActionTypeOneofCase.SendEvent:
                    var send = action.SendEvent;
                    history.Add(Stamp(new P.HistoryEvent { EventId = action.Id, EventSent = new P.EventSentEvent { InstanceId = send.Instance.InstanceId, Name = send.Name, Input = send.Data } }, now));
                    var raised = Stamp(new P.HistoryEvent { EventId = -1, EventRaised = new P.EventRaisedEvent { Name = send.Name, Input = send.Data } }, now);
                    messages.Add(new OrchestrationMessage(MessageIds.EventSent(id, execution, action.Id), send.Instance.InstanceId, null, raised, now));
                    break;
                case P.OrchestratorAction.OrchestratorActionTypeOneofCase.TerminateOrchestration:
                    var target = action.TerminateOrchestration;
                    var terminate = Stamp(new P.HistoryEvent { EventId = -1, ExecutionTerminated = new P.ExecutionTerminatedEvent { Input = target.Reason, Recurse = target.Recurse } }, now);
                    messages.Add(new OrchestrationMessage($"{target.InstanceId}|terminate|{id}|{action.Id}", target.InstanceId, null, terminate, now));
                    break;
                case P.OrchestratorAction.OrchestratorActionTypeOneofCase.CompleteOrchestration:
                    completion = action.CompleteOrchestration;
                    break;
                default:
                    completion = new P.CompleteOrchestrationAction
                    {
                        OrchestrationStatus = P.OrchestrationStatus.Failed,
                        FailureDetails = new P.TaskFailureDetails
                        {
                            ErrorType = "NotSupportedException",
                            ErrorMessage = $"The embedded backend does not run '{action.OrchestratorActionTypeCase}' actions (entities, rewind).",
                        },
                    };
                    break;
            }
        }

        if (completion is null)
        {
            history.Add(Stamp(new P.HistoryEvent { OrchestratorCompleted = new() }, now));
            return new OrchestrationCommit
            {
                WorkItem = item,
                ExecutionId = execution,
                NewEvents = history,
                Status = SuspensionAfter(instance.Status, newEvents),
                CustomStatus = response.CustomStatus,
                OrchestrationMessages = messages,
                ActivityMessages = activities,
                NewInstances = children,
            };
        }
        return Complete(item, history, messages, response.CustomStatus, now, completion.OrchestrationStatus, completion.Result, completion.FailureDetails, completion.CarryoverEvents,
            activities, children);
    }

    private OrchestrationCommit Complete(
        OrchestrationWorkItem item,
        List<P.HistoryEvent> history,
        List<OrchestrationMessage> messages,
        string? customStatus,
        DateTimeOffset now,
        P.OrchestrationStatus status,
        string? result,
        P.TaskFailureDetails? failure,
        IEnumerable<P.HistoryEvent> carryover,
        List<ActivityMessage>? activities = null,
        List<InstanceRecord>? children = null)
    {
        var instance = item.Instance;
        var id = instance.InstanceId;
        var execution = instance.ExecutionId;
        if (status == P.OrchestrationStatus.ContinuedAsNew)
        {
            var next = MessageIds.DerivedExecutionId($"{id}|{execution}|continue|{now.UtcTicks}");
            messages.Add(Start(id, next, instance.Name, result, instance.Parent, now));
            var index = 0;
            foreach (var carried in carryover)
            {
                messages.Add(new OrchestrationMessage(MessageIds.Carried(id, next, index++), id, next, carried, now));
            }
            return new OrchestrationCommit
            {
                WorkItem = item,
                ExecutionId = next,
                ResetHistory = true,
                Status = OrchestrationRuntimeStatus.Running,
                Input = result,
                CustomStatus = customStatus,
                OrchestrationMessages = messages,
                ActivityMessages = activities ?? [],
                NewInstances = children ?? [],
                DropPendingMessages = true,
            };
        }

        history.Add(Stamp(new P.HistoryEvent { ExecutionCompleted = new P.ExecutionCompletedEvent { OrchestrationStatus = status, Result = result, FailureDetails = failure } }, now));
        history.Add(Stamp(new P.HistoryEvent { OrchestratorCompleted = new() }, now));
        ReportToParent(instance, status == P.OrchestrationStatus.Completed, result, failure, now, messages);
        return new OrchestrationCommit
        {
            WorkItem = item,
            ExecutionId = execution,
            NewEvents = history,
            Status = status == P.OrchestrationStatus.Completed ? OrchestrationRuntimeStatus.Completed : OrchestrationRuntimeStatus.Failed,
            Output = result,
            Failure = failure?.ToClient(),
            CustomStatus = customStatus,
            OrchestrationMessages = messages,
            ActivityMessages = activities ?? [],
            NewInstances = children ?? [],
            DropPendingMessages = true,
        };
    }

    private OrchestrationCommit Terminate(OrchestrationWorkItem item, List<P.HistoryEvent> history, string? reason, DateTimeOffset now)
    {
        history.Add(Stamp(new P.HistoryEvent { ExecutionCompleted = new P.ExecutionCompletedEvent { OrchestrationStatus = P.OrchestrationStatus.Terminated, Result = reason } }, now));
        var messages = new List<OrchestrationMessage>();
        var failure = new P.TaskFailureDetails { ErrorType = "Terminated", ErrorMessage = $"Sub-orchestration '{item.Instance.InstanceId}' was terminated: {reason}" };
        ReportToParent(item.Instance, succeeded: false, null, failure, now, messages);
        return new OrchestrationCommit
        {
            WorkItem = item,
            ExecutionId = item.Instance.ExecutionId,
            NewEvents = history,
            Status = OrchestrationRuntimeStatus.Terminated,
            Output = reason,
            CustomStatus = item.Instance.CustomStatus,
            OrchestrationMessages = messages,
            DropPendingMessages = true,
        };
    }

    private static void ReportToParent(InstanceRecord instance, bool succeeded, string? result, P.TaskFailureDetails? failure, DateTimeOffset now, List<OrchestrationMessage> messages)
    {
        if (instance.Parent is not { } parent) return;
        var report = succeeded
            ? new P.HistoryEvent { SubOrchestrationInstanceCompleted = new P.SubOrchestrationInstanceCompletedEvent { TaskScheduledId = parent.TaskScheduledId, Result = result } }
            : new P.HistoryEvent { SubOrchestrationInstanceFailed = new P.SubOrchestrationInstanceFailedEvent { TaskScheduledId = parent.TaskScheduledId, FailureDetails = failure } };
        report.EventId = -1;
        messages.Add(new OrchestrationMessage(MessageIds.ChildDone(instance.InstanceId, instance.ExecutionId), parent.InstanceId, parent.ExecutionId, Stamp(report, now), now));
    }

    private static OrchestrationMessage Start(string instanceId, string executionId, string name, string? input, ParentInstance? parent, DateTimeOffset now)
    {
        var started = new P.ExecutionStartedEvent
        {
            Name = name,
            Input = input,
            OrchestrationInstance = new P.OrchestrationInstance { InstanceId = instanceId, ExecutionId = executionId },
        };
        if (parent is not null)
        {
            started.ParentInstance = new P.ParentInstanceInfo
            {
                TaskScheduledId = parent.TaskScheduledId,
                Name = parent.Name,
                OrchestrationInstance = new P.OrchestrationInstance { InstanceId = parent.InstanceId, ExecutionId = parent.ExecutionId },
            };
        }
        return new OrchestrationMessage(MessageIds.Start(instanceId, executionId), instanceId, executionId, Stamp(new P.HistoryEvent { EventId = -1, ExecutionStarted = started }, now), now);
    }

    private static OrchestrationCommit Unchanged(OrchestrationWorkItem item) => new()
    {
        WorkItem = item,
        ExecutionId = item.Instance.ExecutionId,
        Status = item.Instance.Status,
        Output = item.Instance.Output,
        Failure = item.Instance.Failure,
        CustomStatus = item.Instance.CustomStatus,
    };

    private static bool BelongsToCurrentExecution(OrchestrationMessage message, string executionId) =>
        message.Event.EventTypeCase == P.HistoryEvent.EventTypeOneofCase.ExecutionStarted
            ? message.Event.ExecutionStarted.OrchestrationInstance?.ExecutionId == executionId
            : message.ExecutionId is null || message.ExecutionId == executionId;

    /// <summary>Suspended after the events of this episode if the last suspend/resume among them (or before them) was a suspend.</summary>
    private static OrchestrationRuntimeStatus SuspensionAfter(OrchestrationRuntimeStatus before, List<P.HistoryEvent> newEvents)
    {
        var suspended = before == OrchestrationRuntimeStatus.Suspended;
        foreach (var e in newEvents)
        {
            if (e.EventTypeCase == P.HistoryEvent.EventTypeOneofCase.ExecutionSuspended) suspended = true;
            else if (e.EventTypeCase == P.HistoryEvent.EventTypeOneofCase.ExecutionResumed) suspended = false;
        }
        return suspended ? OrchestrationRuntimeStatus.Suspended : OrchestrationRuntimeStatus.Running;
    }

    private static P.HistoryEvent Stamp(P.HistoryEvent e, DateTimeOffset at)
    {
        if (e.EventId == 0 && e.EventTypeCase is not (P.HistoryEvent.EventTypeOneofCase.TaskScheduled or P.HistoryEvent.EventTypeOneofCase.TimerCreated
            or P.HistoryEvent.EventTypeOneofCase.SubOrchestrationInstanceCreated or P.HistoryEvent.EventTypeOneofCase.EventSent))
        {
            e.EventId = -1;
        }
        e.Timestamp = Timestamp.FromDateTimeOffset(at);
        return e;
    }
}
