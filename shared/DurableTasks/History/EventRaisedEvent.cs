using DurableTasks.Abstractions;

namespace DurableTasks.History;

/// <summary>An external event arrived for the instance.</summary>
public sealed record EventRaisedEvent(string Name, string? Input) : HistoryEvent;
