namespace DurableTasks.Runtime;

/// <summary>
/// A single-threaded task scheduler: orchestrator continuations are queued here and run only when
/// the executor drains the queue, so every step of orchestrator code happens at a point the replay
/// engine controls.
/// </summary>
internal sealed class OrchestrationScheduler : TaskScheduler
{
    private readonly Queue<Task> queue = new();

    public override int MaximumConcurrencyLevel => 1;

    public void Drain()
    {
        while (queue.TryDequeue(out var task))
        {
            TryExecuteTask(task);
        }
    }

    protected override void QueueTask(Task task) => queue.Enqueue(task);

    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => false;

    protected override IEnumerable<Task> GetScheduledTasks() => queue.ToArray();
}
