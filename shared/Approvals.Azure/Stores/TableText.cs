using System.Globalization;
using Azure.Data.Tables;

namespace Approvals.Azure.Stores;

/// <summary>
/// Long text in a table row. A string property holds at most 64 KiB (32K UTF-16 characters), so longer text is split
/// over numbered properties (<c>Name_000</c>, <c>Name_001</c> …) within the row's 1 MiB limit.
/// </summary>
internal static class TableText
{
    private const int ChunkLength = 30_000;

    public static void Write(TableEntity entity, string name, string value)
    {
        if (value.Length <= ChunkLength)
        {
            entity[name] = value;
            return;
        }
        var chunks = (value.Length + ChunkLength - 1) / ChunkLength;
        if (chunks > 30) throw new ArgumentException($"'{name}' is {value.Length} characters; a table row holds at most {30 * ChunkLength}.", nameof(value));
        entity[name + "_Chunks"] = chunks;
        for (var i = 0; i < chunks; i++)
            entity[ChunkName(name, i)] = value.Substring(i * ChunkLength, Math.Min(ChunkLength, value.Length - i * ChunkLength));
    }

    public static string? Read(TableEntity entity, string name)
    {
        if (entity.GetInt32(name + "_Chunks") is not { } chunks) return entity.GetString(name);
        return string.Concat(Enumerable.Range(0, chunks).Select(i => entity.GetString(ChunkName(name, i))));
    }

    private static string ChunkName(string name, int index) => name + "_" + index.ToString("D3", CultureInfo.InvariantCulture);
}
