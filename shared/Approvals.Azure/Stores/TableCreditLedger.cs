using System.Globalization;
using Approvals.Stores;
using Azure;
using Azure.Data.Tables;

namespace Approvals.Azure.Stores;

/// <summary>
/// The credit ledger in Table storage: partition = the applicant's USCC, one row per record (row key = the sequence,
/// zero-padded so rows sort in chain order) plus a <c>head</c> row holding the last sequence and hash. An append
/// inserts the next record and moves the head in one entity group transaction, the head guarded by its ETag (or
/// inserted when the chain is new), so of two writers that read the same head one commits and the other gets
/// 412 / 409, re-reads the head and appends after it: the chain cannot fork and no record is lost.
/// </summary>
public sealed class TableCreditLedger : ICreditLedger
{
    internal const string HeadRowKey = "head";
    private const int MaxAttempts = 100;
    private readonly TableClient table;
    private readonly CreateOnce created;

    /// <param name="table">The ledger table (e.g. <c>CreditLedger</c>); created on first use.</param>
    public TableCreditLedger(TableClient table)
    {
        this.table = table ?? throw new ArgumentNullException(nameof(table));
        created = new CreateOnce(ct => table.CreateIfNotExistsAsync(ct));
    }

    public async Task<CreditLedgerRecord> AppendAsync(string uscc, CreditLedgerEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(uscc);
        ArgumentNullException.ThrowIfNull(entry);
        await created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var partition = TableKeyEncoding.Encode(uscc);
        for (var attempt = 1; ; attempt++)
        {
            var head = await HeadAsync(partition, cancellationToken).ConfigureAwait(false);
            var sequence = (head?.GetInt64("Sequence") ?? 0) + 1;
            var previous = head?.GetString("Hash") ?? CreditChain.Genesis;
            var record = CreditChain.Link(uscc, sequence, entry, previous);

            var newHead = new TableEntity(partition, HeadRowKey) { { "Sequence", sequence }, { "Hash", record.Hash } };
            try
            {
                await table.SubmitTransactionAsync(
                [
                    new(TableTransactionActionType.Add, ToEntity(partition, record)),
                    head is null
                        ? new(TableTransactionActionType.Add, newHead)
                        : new(TableTransactionActionType.UpdateReplace, newHead, head.ETag),
                ], cancellationToken).ConfigureAwait(false);
                return record;
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412 && attempt < MaxAttempts)
            {
                // Another writer appended first. Back off a little (randomised so contenders spread out) and retry on the
                // new head. Real time on purpose: this is transport back-off, and a simulated business clock may stand still.
                var delay = TimeSpan.FromMilliseconds(Random.Shared.Next(1, 10 + Math.Min(attempt, 10) * 5));
                await Task.Delay(delay, TimeProvider.System, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async Task<IReadOnlyList<CreditLedgerRecord>> ReadAsync(string uscc, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(uscc);
        await created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var records = new List<CreditLedgerRecord>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeyEncoding.Encode(uscc)} and RowKey ne {HeadRowKey}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
            records.Add(FromEntity(uscc, row));
        return records.OrderBy(r => r.Sequence).ToList();
    }

    /// <summary>
    /// Walks the chain (first broken link wins) and then checks the head row: a head pointing past the last record,
    /// or at another hash, means records were removed from the end.
    /// </summary>
    public async Task<CreditChainVerification> VerifyAsync(string uscc, CancellationToken cancellationToken = default)
    {
        var records = await ReadAsync(uscc, cancellationToken).ConfigureAwait(false);
        var chain = CreditChain.Verify(records);
        if (!chain.Intact) return chain;
        var head = await HeadAsync(TableKeyEncoding.Encode(uscc), cancellationToken).ConfigureAwait(false);
        var headSequence = head?.GetInt64("Sequence") ?? 0;
        var headHash = head?.GetString("Hash") ?? CreditChain.Genesis;
        var lastHash = records.Count == 0 ? CreditChain.Genesis : records[^1].Hash;
        if (headSequence != records.Count || headHash != lastHash)
            return new CreditChainVerification(false, records.Count, records.Count + 1, $"the chain's head names record {headSequence}, but the chain ends at record {records.Count}: records were removed");
        return chain;
    }

    private async Task<TableEntity?> HeadAsync(string partition, CancellationToken cancellationToken)
    {
        var head = await table.GetEntityIfExistsAsync<TableEntity>(partition, HeadRowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return head.HasValue ? head.Value : null;
    }

    internal static string RowKeyOf(long sequence) => sequence.ToString("D19", CultureInfo.InvariantCulture);

    private static TableEntity ToEntity(string partition, CreditLedgerRecord record)
    {
        var row = new TableEntity(partition, RowKeyOf(record.Sequence))
        {
            { "Sequence", record.Sequence },
            { "Kind", record.Kind },
            // Ticks keep the exact instant the hash covers; the date column is for people reading the table.
            { "OccurredAtTicks", record.OccurredAt.UtcTicks },
            { "OccurredAt", record.OccurredAt },
            { "Reference", record.Reference },
            { "PreviousHash", record.PreviousHash },
            { "Hash", record.Hash },
        };
        TableText.Write(row, "Details", record.Details);
        return row;
    }

    private static CreditLedgerRecord FromEntity(string uscc, TableEntity row) => new(
        uscc,
        row.GetInt64("Sequence") ?? throw Corrupt(row, "Sequence"),
        row.GetString("Kind") ?? "",
        new DateTimeOffset(row.GetInt64("OccurredAtTicks") ?? throw Corrupt(row, "OccurredAtTicks"), TimeSpan.Zero),
        row.GetString("Reference") ?? "",
        TableText.Read(row, "Details") ?? "",
        row.GetString("PreviousHash") ?? "",
        row.GetString("Hash") ?? "");

    private static FormatException Corrupt(TableEntity row, string property) =>
        new($"Credit record {row.PartitionKey}/{row.RowKey} has no {property}.");
}
