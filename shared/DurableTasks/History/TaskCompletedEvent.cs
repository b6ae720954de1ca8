using DurableTasks.Abstractions;

namespace DurableTasks.History;

/// <summary>Activity TaskScheduledId completed with a result.</summary>
public sealed record TaskCompletedEvent(int TaskScheduledId, string? Result) : HistoryEvent;
