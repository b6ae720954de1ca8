using DurableTasks.Abstractions;
using DurableTasks.History;

namespace DurableTasks.Runtime;

/// <summary>What one episode of an orchestration decided.</summary>
internal sealed record EpisodeResult(
    IReadOnlyList<HistoryEvent> AcceptedEvents,
    IReadOnlyList<OrchestratorAction> NewActions,
    IReadOnlyList<int> WithdrawnTimerIds,
    OrchestrationOutcome? Outcome,
    string? CustomStatus);

/// <summary>How an execution ended, if it did in this episode.</summary>
internal sealed record OrchestrationOutcome(
    OrchestrationRuntimeStatus Status,
    string? Output,
    TaskFailureDetails? Failure,
    bool ContinuedAsNew = false,
    IReadOnlyList<EventRaisedEvent>? CarriedOverEvents = null);
