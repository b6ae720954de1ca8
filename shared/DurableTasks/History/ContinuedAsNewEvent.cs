using DurableTasks.Abstractions;

namespace DurableTasks.History;

/// <summary>The execution restarted itself with a new input and an empty history.</summary>
public sealed record ContinuedAsNewEvent(string? Input) : HistoryEvent;
