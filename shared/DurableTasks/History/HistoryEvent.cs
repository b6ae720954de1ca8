using System.Text.Json.Serialization;

namespace DurableTasks.History;

/// <summary>
/// One entry of an orchestration's event-sourced history. The history is the single source of
/// truth: replaying an orchestrator against it must reproduce the same decisions.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$type")]
[JsonDerivedType(typeof(ExecutionStartedEvent), "executionStarted")]
[JsonDerivedType(typeof(OrchestratorStartedEvent), "orchestratorStarted")]
[JsonDerivedType(typeof(TaskScheduledEvent), "taskScheduled")]
[JsonDerivedType(typeof(TaskCompletedEvent), "taskCompleted")]
[JsonDerivedType(typeof(TaskFailedEvent), "taskFailed")]
[JsonDerivedType(typeof(TimerCreatedEvent), "timerCreated")]
[JsonDerivedType(typeof(TimerFiredEvent), "timerFired")]
[JsonDerivedType(typeof(EventRaisedEvent), "eventRaised")]
[JsonDerivedType(typeof(SubOrchestrationCreatedEvent), "subOrchestrationCreated")]
[JsonDerivedType(typeof(SubOrchestrationCompletedEvent), "subOrchestrationCompleted")]
[JsonDerivedType(typeof(SubOrchestrationFailedEvent), "subOrchestrationFailed")]
[JsonDerivedType(typeof(ExecutionCompletedEvent), "executionCompleted")]
[JsonDerivedType(typeof(ExecutionTerminatedEvent), "executionTerminated")]
[JsonDerivedType(typeof(ContinuedAsNewEvent), "continuedAsNew")]
public abstract record HistoryEvent
{
    /// <summary>When the event was recorded (engine time, UTC).</summary>
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>The id of the message that carried this event in, when it came from one.</summary>
    public string? MessageId { get; init; }
}
