using Google.Protobuf;
using P = Microsoft.DurableTask.Protobuf;

namespace DurableTasks.Backends.Sqlite;

/// <summary>
/// An episode's new history events in one row, each length-delimited in Microsoft's protobuf shape: a fan-out episode is
/// one insert, not one per event, and a replay reads them back in order without conversion.
/// </summary>
internal static class HistoryRows
{
    public static byte[] Encode(IReadOnlyList<P.HistoryEvent> events)
    {
        using var buffer = new MemoryStream();
        foreach (var e in events) e.WriteDelimitedTo(buffer);
        return buffer.ToArray();
    }

    public static void Decode(byte[] row, List<P.HistoryEvent> into)
    {
        using var input = new MemoryStream(row, writable: false);
        while (input.Position < input.Length) into.Add(P.HistoryEvent.Parser.ParseDelimitedFrom(input));
    }
}
