using DurableTasks.Abstractions;

namespace DurableTasks.History;

/// <summary>Activity TaskScheduledId failed.</summary>
public sealed record TaskFailedEvent(int TaskScheduledId, TaskFailureDetails Failure) : HistoryEvent;
