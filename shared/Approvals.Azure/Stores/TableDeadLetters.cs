using System.Globalization;
using Approvals.Stores;
using Azure.Data.Tables;

namespace Approvals.Azure.Stores;

/// <summary>
/// Dead letters in Table storage: partition = queue name, row = arrival time (ticks from the store's clock, kept increasing
/// within the process) plus a random suffix, so a queue's letters list in the order they arrived and never collide.
/// </summary>
public sealed class TableDeadLetters : IDeadLetters
{
    private readonly TableClient table;
    private readonly TimeProvider timeProvider;
    private readonly CreateOnce created;
    private long lastArrival;

    /// <param name="table">The dead-letter table; created on first use.</param>
    /// <param name="timeProvider">Clock that orders letters by arrival.</param>
    public TableDeadLetters(TableClient table, TimeProvider timeProvider)
    {
        this.table = table ?? throw new ArgumentNullException(nameof(table));
        this.timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        created = new CreateOnce(ct => table.CreateIfNotExistsAsync(ct));
    }

    public async Task AddAsync(DeadLetter letter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(letter);
        await created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var arrival = NextArrival().ToString("D19", CultureInfo.InvariantCulture);
        var row = new TableEntity(TableKeyEncoding.Encode(letter.Queue), $"{arrival}-{Guid.NewGuid():N}")
        {
            { "Queue", letter.Queue },
            { "MessageId", letter.MessageId },
            { "AtTicks", letter.At.UtcTicks },
            { "At", letter.At },
        };
        TableText.Write(row, "Body", letter.Body);
        TableText.Write(row, "Reason", letter.Reason);
        await table.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The clock's ticks, nudged forward when the clock stands still (a test clock) so arrival order is kept.</summary>
    private long NextArrival()
    {
        while (true)
        {
            var last = Interlocked.Read(ref lastArrival);
            var next = Math.Max(timeProvider.GetUtcNow().UtcTicks, last + 1);
            if (Interlocked.CompareExchange(ref lastArrival, next, last) == last) return next;
        }
    }

    public async Task<IReadOnlyList<DeadLetter>> ListAsync(string queue, CancellationToken cancellationToken = default)
    {
        await created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableFilters.PartitionIs(TableKeyEncoding.Encode(queue)), cancellationToken: cancellationToken).ConfigureAwait(false))
            rows.Add(row);
        return rows.OrderBy(r => r.RowKey, StringComparer.Ordinal).Select(r => new DeadLetter(
            r.GetString("Queue") ?? queue,
            r.GetString("MessageId") ?? "",
            TableText.Read(r, "Body") ?? "",
            TableText.Read(r, "Reason") ?? "",
            new DateTimeOffset(r.GetInt64("AtTicks") ?? 0, TimeSpan.Zero))).ToList();
    }
}
