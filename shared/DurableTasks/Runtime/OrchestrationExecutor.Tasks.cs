using DurableTasks.Abstractions;

namespace DurableTasks.Runtime;

internal sealed partial class OrchestrationExecutor
{
    /// <summary>Issues an activity or sub-orchestration step and returns its raw (serialized) result.</summary>
    public Task<string?> ScheduleTask(ActionKind kind, string name, object? input, string? childInstanceId = null)
    {
        EnsureOnOrchestrationThread();
        var taskId = NextTaskId++;
        var action = new OrchestratorAction
        {
            TaskId = taskId,
            Kind = kind,
            Name = name,
            Input = Converter.Serialize(input),
            ChildInstanceId = kind == ActionKind.SubOrchestration ? childInstanceId ?? $"{InstanceId}:{taskId:D4}" : null,
        };
        return Issue(action).Task;
    }

    /// <summary>Issues a durable timer step.</summary>
    public Task CreateTimer(DateTime fireAtUtc, CancellationToken cancellationToken)
    {
        EnsureOnOrchestrationThread();
        var action = new OrchestratorAction
        {
            TaskId = NextTaskId++,
            Kind = ActionKind.Timer,
            Name = "timer",
            FireAt = new DateTimeOffset(DateTime.SpecifyKind(fireAtUtc, DateTimeKind.Utc)),
        };
        var open = Issue(action);
        if (cancellationToken.CanBeCanceled)
        {
            cancellationToken.Register(() => CancelTimer(action, open));
        }
        return open.Task;
    }

    public Task<string?> WaitForEvent(string name, CancellationToken cancellationToken)
    {
        EnsureOnOrchestrationThread();
        if (bufferedEvents.TryGetValue(name, out var queue) && queue.TryDequeue(out var buffered))
        {
            return Task.FromResult(buffered.Input);
        }
        if (!waiters.TryGetValue(name, out var list))
        {
            waiters[name] = list = new LinkedList<EventWaiter>();
        }
        var waiter = new EventWaiter();
        var node = list.AddLast(waiter);
        if (cancellationToken.CanBeCanceled)
        {
            cancellationToken.Register(() =>
            {
                if (node.List is not null) list.Remove(node);
                waiter.Cancel();
            });
        }
        return waiter.Task;
    }

    private OpenTask Issue(OrchestratorAction action)
    {
        actions.Add(action);
        actionsById[action.TaskId] = action;
        var open = new OpenTask(action.Kind, action.Name, action.TaskId);
        openTasks[action.TaskId] = open;
        return open;
    }

    private void CancelTimer(OrchestratorAction action, OpenTask open)
    {
        if (open.IsDone) return;
        open.Cancelled = true;
        action.Cancelled = true;
        if (action.InHistory && !IsReplaying)
        {
            // The timer's message was sent by an earlier episode: withdraw it so it never fires.
            withdrawnTimers.Add(action.TaskId);
        }
        open.Cancel();
    }

    /// <summary>A step waiting for its result.</summary>
    private sealed class OpenTask(ActionKind kind, string name, int taskId)
    {
        private readonly TaskCompletionSource<string?> source = new();

        public ActionKind Kind { get; } = kind;
        public bool Cancelled { get; set; }
        public bool IsDone => source.Task.IsCompleted;
        public Task<string?> Task => source.Task;

        public void Complete(string? result) => source.TrySetResult(result);

        public void Fail(TaskFailureDetails failure) =>
            source.TrySetException(new TaskFailedException(name, taskId, failure));

        public void Cancel() => source.TrySetCanceled();
    }

    /// <summary>A pending WaitForExternalEvent.</summary>
    private sealed class EventWaiter
    {
        private readonly TaskCompletionSource<string?> source = new();

        public Task<string?> Task => source.Task;

        public void Complete(string? payload) => source.TrySetResult(payload);

        public void Cancel() => source.TrySetCanceled();
    }
}
