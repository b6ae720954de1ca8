namespace Approvals.Stores;

/// <summary>
/// One append-only entry of an applicant's credit record (信用记录). <see cref="Hash"/> covers the content and
/// <see cref="PreviousHash"/>, so changing or removing an earlier record breaks the chain.
/// </summary>
public sealed record CreditLedgerRecord(
    string Uscc,
    long Sequence,
    string Kind,
    DateTimeOffset OccurredAt,
    string Reference,
    string Details,
    string PreviousHash,
    string Hash);

/// <summary>What a caller appends; the ledger assigns the sequence and the hashes.</summary>
public sealed record CreditLedgerEntry(string Kind, DateTimeOffset OccurredAt, string Reference, string Details);

/// <summary>The result of walking a chain: intact, or the first record whose link is broken.</summary>
public sealed record CreditChainVerification(bool Intact, long Records, long? FirstBrokenSequence, string? Problem);
