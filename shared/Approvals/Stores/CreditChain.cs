using System.Security.Cryptography;
using System.Text;

namespace Approvals.Stores;

/// <summary>The hash chain rule shared by every credit ledger implementation.</summary>
public static class CreditChain
{
    /// <summary>The previous hash of a chain's first record.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string HashOf(string uscc, long sequence, CreditLedgerEntry entry, string previousHash)
    {
        var canonical = string.Join('\n', uscc, sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.Kind,
            entry.OccurredAt.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.Reference, entry.Details, previousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    public static CreditLedgerRecord Link(string uscc, long sequence, CreditLedgerEntry entry, string previousHash) =>
        new(uscc, sequence, entry.Kind, entry.OccurredAt, entry.Reference, entry.Details, previousHash, HashOf(uscc, sequence, entry, previousHash));

    /// <summary>Walks the records in order and reports the first broken link.</summary>
    public static CreditChainVerification Verify(IReadOnlyList<CreditLedgerRecord> records)
    {
        var previous = Genesis;
        for (var i = 0; i < records.Count; i++)
        {
            var r = records[i];
            if (r.Sequence != i + 1) return new(false, records.Count, r.Sequence, $"record {r.Sequence} stands where record {i + 1} should");
            if (r.PreviousHash != previous) return new(false, records.Count, r.Sequence, $"record {r.Sequence} does not point at the hash of record {i}");
            var expected = HashOf(r.Uscc, r.Sequence, new CreditLedgerEntry(r.Kind, r.OccurredAt, r.Reference, r.Details), r.PreviousHash);
            if (r.Hash != expected) return new(false, records.Count, r.Sequence, $"record {r.Sequence} was altered after it was written");
            previous = r.Hash;
        }
        return new(true, records.Count, null, null);
    }
}
