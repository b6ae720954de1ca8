using P = Microsoft.DurableTask.Protobuf;

namespace DurableTasks.Tests.Infrastructure;

/// <summary>Reading Microsoft's protobuf history in assertions.</summary>
public static class HistoryFilters
{
    public static IEnumerable<P.HistoryEvent> Of(this IEnumerable<P.HistoryEvent> history, P.HistoryEvent.EventTypeOneofCase kind) =>
        history.Where(e => e.EventTypeCase == kind);
}
