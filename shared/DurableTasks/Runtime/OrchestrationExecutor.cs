using DurableTasks.Abstractions;
using DurableTasks.Converters;
using DurableTasks.History;

namespace DurableTasks.Runtime;

/// <summary>
/// Runs one execution of an orchestrator by event-sourced replay. Past history is replayed with
/// <see cref="TaskOrchestrationContext.IsReplaying"/> set; new events are then applied and the actions
/// the code issues beyond the history become the episode's new actions. An executor can be kept
/// between episodes (extended session) and fed only the new events; the result is the same as a full replay.
/// </summary>
internal sealed partial class OrchestrationExecutor
{
    private readonly ITaskOrchestrator orchestrator;
    private readonly OrchestrationScheduler scheduler = new();
    private readonly Dictionary<int, OpenTask> openTasks = [];
    private readonly Dictionary<int, OrchestratorAction> actionsById = [];
    private readonly List<OrchestratorAction> actions = [];
    private readonly Dictionary<string, Queue<EventRaisedEvent>> bufferedEvents = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, LinkedList<EventWaiter>> waiters = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> seenMessageIds = new(StringComparer.Ordinal);
    private readonly List<int> withdrawnTimers = [];
    private readonly ReplayContext context;
    private Task<object?>? orchestratorTask;
    private bool terminated;
    private string? terminationReason;
    private bool failedByEngine;
    private TaskFailureDetails? engineFailure;

    public OrchestrationExecutor(string instanceId, string name, ITaskOrchestrator orchestrator, DataConverter converter)
    {
        this.orchestrator = orchestrator;
        Converter = converter;
        InstanceId = instanceId;
        Name = name;
        context = new ReplayContext(this);
    }

    public string InstanceId { get; }
    public string Name { get; }
    public string ExecutionId { get; private set; } = "";
    public DataConverter Converter { get; }
    public DateTime CurrentUtcDateTime { get; private set; }
    public bool IsReplaying { get; private set; }
    public int NextTaskId { get; private set; }
    public string? CustomStatus { get; set; }
    public (string? Input, bool Preserve)? ContinueAsNewRequest { get; set; }

    /// <summary>History events this executor has applied; an extended session is valid only while this matches the store.</summary>
    public int AppliedHistoryCount { get; private set; }

    /// <summary>True when the execution has ended; the executor cannot take more episodes.</summary>
    public bool IsFinished => terminated || failedByEngine || orchestratorTask is { IsCompleted: true };

    /// <summary>Runs one episode: replay <paramref name="past"/>, then apply <paramref name="incoming"/>.</summary>
    public EpisodeResult RunEpisode(IReadOnlyList<HistoryEvent> past, IReadOnlyList<HistoryEvent> incoming)
    {
        var accepted = new List<HistoryEvent>(incoming.Count);
        withdrawnTimers.Clear();
        try
        {
            IsReplaying = true;
            foreach (var e in past)
            {
                Apply(e, fromHistory: true);
                AppliedHistoryCount++;
            }
            IsReplaying = false;
            foreach (var e in incoming)
            {
                if (IsFinished && e is not OrchestratorStartedEvent) continue;
                if (Apply(e, fromHistory: false))
                {
                    accepted.Add(e);
                }
            }
        }
        catch (NonDeterministicOrchestrationException ex)
        {
            failedByEngine = true;
            engineFailure = TaskFailureDetails.FromException(ex);
        }

        var newActions = actions.Where(a => !a.InHistory).ToList();
        foreach (var action in newActions) action.InHistory = true;
        AppliedHistoryCount += accepted.Count + newActions.Count;
        return new EpisodeResult(accepted, newActions, withdrawnTimers.ToList(), BuildOutcome(), CustomStatus);
    }

    /// <summary>Counts the events the commit adds after the actions (the completion record).</summary>
    public void RecordCommittedTail(int count) => AppliedHistoryCount += count;

    private OrchestrationOutcome? BuildOutcome()
    {
        if (failedByEngine)
        {
            return new OrchestrationOutcome(OrchestrationRuntimeStatus.Failed, null, engineFailure);
        }
        if (terminated)
        {
            return new OrchestrationOutcome(OrchestrationRuntimeStatus.Terminated, Converter.Serialize(terminationReason), null);
        }
        if (orchestratorTask is not { IsCompleted: true } task)
        {
            return null;
        }
        if (task.IsFaulted || task.IsCanceled)
        {
            Exception error = task.Exception?.InnerException ?? new TaskCanceledException("The orchestrator was cancelled.");
            return new OrchestrationOutcome(OrchestrationRuntimeStatus.Failed, null, TaskFailureDetails.FromException(error));
        }
        if (ContinueAsNewRequest is { } request)
        {
            var carried = request.Preserve
                ? bufferedEvents.Values.SelectMany(q => q).OrderBy(e => e.Timestamp).ToList()
                : [];
            return new OrchestrationOutcome(OrchestrationRuntimeStatus.Running, request.Input, null, ContinuedAsNew: true, carried);
        }
        return new OrchestrationOutcome(OrchestrationRuntimeStatus.Completed, Converter.Serialize(task.Result), null);
    }

    /// <summary>Applies one event; returns false when a new event is a duplicate or stale and must not be recorded.</summary>
    private bool Apply(HistoryEvent e, bool fromHistory)
    {
        if (e.MessageId is { } messageId && !seenMessageIds.Add(messageId))
        {
            if (fromHistory)
            {
                throw new NonDeterministicOrchestrationException(AppliedHistoryCount, $"message {messageId} once", "saw it twice in history");
            }
            return false;
        }

        switch (e)
        {
            case OrchestratorStartedEvent:
                CurrentUtcDateTime = e.Timestamp.UtcDateTime;
                return true;
            case ExecutionStartedEvent started:
                if (orchestratorTask is not null) return false;
                Start(started);
                return true;
            case TaskScheduledEvent scheduled:
                MatchAction(scheduled.TaskId, ActionKind.Activity, scheduled.Name, $"activity '{scheduled.Name}'");
                return true;
            case TimerCreatedEvent timer:
                MatchAction(timer.TaskId, ActionKind.Timer, "timer", "a timer");
                return true;
            case SubOrchestrationCreatedEvent sub:
                MatchAction(sub.TaskId, ActionKind.SubOrchestration, sub.Name, $"sub-orchestration '{sub.Name}'");
                return true;
            case TaskCompletedEvent completed:
                return Resolve(completed.TaskScheduledId, ActionKind.Activity, fromHistory, t => t.Complete(completed.Result));
            case TaskFailedEvent failed:
                return Resolve(failed.TaskScheduledId, ActionKind.Activity, fromHistory, t => t.Fail(failed.Failure));
            case SubOrchestrationCompletedEvent completed:
                return Resolve(completed.TaskScheduledId, ActionKind.SubOrchestration, fromHistory, t => t.Complete(completed.Result));
            case SubOrchestrationFailedEvent failed:
                return Resolve(failed.TaskScheduledId, ActionKind.SubOrchestration, fromHistory, t => t.Fail(failed.Failure));
            case TimerFiredEvent fired:
                return Resolve(fired.TimerId, ActionKind.Timer, fromHistory, t => t.Complete(null));
            case EventRaisedEvent raised:
                Deliver(raised);
                return true;
            case ExecutionTerminatedEvent termination:
                terminated = true;
                terminationReason = termination.Reason;
                return true;
            case ExecutionCompletedEvent or ContinuedAsNewEvent:
                return true;
            default:
                throw new InvalidOperationException($"Unknown history event {e.GetType().Name}.");
        }
    }

    private void Start(ExecutionStartedEvent started)
    {
        ExecutionId = started.ExecutionId;
        context.ResetRandom();
        object? input;
        try
        {
            input = Converter.Deserialize(started.Input, orchestrator.InputType);
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or NotSupportedException)
        {
            orchestratorTask = Task.FromException<object?>(new ArgumentException($"The input of orchestration '{Name}' could not be read: {ex.Message}", ex));
            return;
        }
        orchestratorTask = Task.Factory.StartNew(
            () => orchestrator.RunAsync(context, input),
            CancellationToken.None,
            TaskCreationOptions.DenyChildAttach,
            scheduler).Unwrap();
        scheduler.Drain();
    }

    private void MatchAction(int taskId, ActionKind kind, string name, string expected)
    {
        if (!actionsById.TryGetValue(taskId, out var action))
        {
            var actual = orchestratorTask is { IsCompleted: true }
                ? "had already finished"
                : "did not schedule anything at this step";
            throw new NonDeterministicOrchestrationException(taskId, expected, actual);
        }
        if (action.Kind != kind || (kind != ActionKind.Timer && !string.Equals(action.Name, name, StringComparison.Ordinal)))
        {
            throw new NonDeterministicOrchestrationException(taskId, expected, $"scheduled {action.Describe()}");
        }
        action.InHistory = true;
    }

    private bool Resolve(int taskId, ActionKind kind, bool fromHistory, Action<OpenTask> complete)
    {
        if (!openTasks.TryGetValue(taskId, out var open) || open.Kind != kind || open.IsDone)
        {
            if (fromHistory)
            {
                throw new NonDeterministicOrchestrationException(taskId, $"a result for step #{taskId}", "has no open step waiting for it");
            }
            return false;
        }
        complete(open);
        scheduler.Drain();
        return true;
    }

    private void Deliver(EventRaisedEvent raised)
    {
        if (waiters.TryGetValue(raised.Name, out var list) && list.First is { } first)
        {
            list.RemoveFirst();
            first.Value.Complete(raised.Input);
            scheduler.Drain();
            return;
        }
        if (!bufferedEvents.TryGetValue(raised.Name, out var queue))
        {
            bufferedEvents[raised.Name] = queue = new Queue<EventRaisedEvent>();
        }
        queue.Enqueue(raised);
    }

    private void EnsureOnOrchestrationThread()
    {
        if (TaskScheduler.Current != scheduler)
        {
            throw new InvalidOperationException(
                $"Orchestration '{Name}' ({InstanceId}) called the context off its scheduler. Orchestrator code must not use ConfigureAwait(false), Task.Run or threads.");
        }
    }
}
