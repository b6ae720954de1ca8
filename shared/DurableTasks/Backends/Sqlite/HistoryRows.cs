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
        // Sized once and written into one array: a stream per event allocated a 4 KB buffer for each.
        var sizes = new int[events.Count];
        var total = 0;
        for (var i = 0; i < sizes.Length; i++)
        {
            sizes[i] = events[i].CalculateSize();
            total += CodedOutputStream.ComputeLengthSize(sizes[i]) + sizes[i];
        }
        var row = new byte[total];
        var output = new CodedOutputStream(row);
        for (var i = 0; i < sizes.Length; i++)
        {
            output.WriteLength(sizes[i]);
            events[i].WriteTo(output);
        }
        output.CheckNoSpaceLeft();
        return row;
    }

    public static void Decode(byte[] row, List<P.HistoryEvent> into)
    {
        var input = new CodedInputStream(row);
        while (!input.IsAtEnd)
        {
            var e = new P.HistoryEvent();
            input.ReadMessage(e);
            into.Add(e);
        }
    }
}
