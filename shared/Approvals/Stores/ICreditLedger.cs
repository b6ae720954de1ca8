namespace Approvals.Stores;

/// <summary>
/// Append-only credit records per applicant (partition = USCC), hash-chained. Two writers appending at once
/// cannot fork the chain: one wins, the other appends after it.
/// </summary>
public interface ICreditLedger
{
    Task<CreditLedgerRecord> AppendAsync(string uscc, CreditLedgerEntry entry, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<CreditLedgerRecord>> ReadAsync(string uscc, CancellationToken cancellationToken = default);

    async Task<CreditChainVerification> VerifyAsync(string uscc, CancellationToken cancellationToken = default) =>
        CreditChain.Verify(await ReadAsync(uscc, cancellationToken));
}
