using Approvals.Stores;

namespace Approvals.Tests.Stores;

/// <summary>What every credit ledger must do; each implementation derives from this class.</summary>
public abstract class CreditLedgerContract
{
    protected abstract ICreditLedger Ledger { get; }

    /// <summary>Changes a stored record's details behind the ledger's back.</summary>
    protected abstract Task TamperAsync(string uscc, long sequence, string details);

    private static CreditLedgerEntry Entry(string kind, int n) =>
        new(kind, new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(8)).AddHours(n), $"APP-{n}", $"{{\"n\":{n}}}");

    [Fact]
    public async Task Records_are_numbered_and_chained_in_append_order()
    {
        var a = await Ledger.AppendAsync("91350100M000100Y43", Entry("fulfilled", 1));
        var b = await Ledger.AppendAsync("91350100M000100Y43", Entry("broken", 2));

        Assert.Equal(1, a.Sequence);
        Assert.Equal(CreditChain.Genesis, a.PreviousHash);
        Assert.Equal(2, b.Sequence);
        Assert.Equal(a.Hash, b.PreviousHash);
        Assert.Equal(["fulfilled", "broken"], (await Ledger.ReadAsync("91350100M000100Y43")).Select(r => r.Kind));
        Assert.True((await Ledger.VerifyAsync("91350100M000100Y43")).Intact);
    }

    [Fact]
    public async Task Two_concurrent_writers_neither_fork_nor_lose_records()
    {
        const string uscc = "91110000100000000X";
        var writers = Enumerable.Range(0, 2).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 25; i++) await Ledger.AppendAsync(uscc, Entry($"writer-{w}", i));
        }));
        await Task.WhenAll(writers);

        var records = await Ledger.ReadAsync(uscc);
        Assert.Equal(50, records.Count);
        Assert.Equal(Enumerable.Range(1, 50).Select(i => (long)i), records.Select(r => r.Sequence));
        Assert.Equal(25, records.Count(r => r.Kind == "writer-0"));
        var verification = await Ledger.VerifyAsync(uscc);
        Assert.True(verification.Intact, verification.Problem);
    }

    [Fact]
    public async Task A_tampered_record_is_reported_as_the_first_broken_link()
    {
        const string uscc = "91440300MA5ABCDE1X";
        for (var i = 1; i <= 4; i++) await Ledger.AppendAsync(uscc, Entry("fulfilled", i));
        await TamperAsync(uscc, 3, "{\"n\":999}");

        var verification = await Ledger.VerifyAsync(uscc);
        Assert.False(verification.Intact);
        Assert.Equal(3, verification.FirstBrokenSequence);
        Assert.Contains("altered", verification.Problem);
    }

    [Fact]
    public async Task Chains_of_different_applicants_are_independent()
    {
        await Ledger.AppendAsync("A-USCC", Entry("fulfilled", 1));
        var other = await Ledger.AppendAsync("B-USCC", Entry("broken", 1));
        Assert.Equal(1, other.Sequence);
        Assert.Single(await Ledger.ReadAsync("A-USCC"));
    }
}
