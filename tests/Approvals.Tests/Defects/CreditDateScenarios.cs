using Approvals.Intake;
using Approvals.Stores;

namespace Approvals.Tests.Defects;

/// <summary>Issue 14, defect 8: credit restriction texts print Shanghai dates, not UTC ones.</summary>
public sealed class CreditDateScenarios
{
    // 2027-01-31 05:25 in Shanghai is still 2027-01-30 in UTC, as the ledger keeps it.
    private static readonly DateTimeOffset EarlyMorning = new(2027, 1, 30, 21, 25, 0, TimeSpan.Zero);

    private static CreditLedgerRecord Record(string kind) => new("91350100M000100Y43", 1, kind, EarlyMorning, "APP-X/C1", "found", "", "h");

    [Theory]
    [InlineData(CreditKinds.FalseCommitment)]
    [InlineData(CreditKinds.Broken)]
    public void Restriction_names_the_Shanghai_date_of_the_event(string kind)
    {
        var standing = new CreditAssessor(IntakePolicy.Embedded.Credit).Assess("91350100M000100Y43", [Record(kind)], EarlyMorning.AddDays(1));

        Assert.Contains("on 2027-01-31", standing.Restriction);
        Assert.Contains($"until {(kind == CreditKinds.Broken ? 2028 : 2030)}-01-31", standing.Restriction);
        Assert.DoesNotContain("2027-01-30", standing.Restriction);
        Assert.StartsWith(kind == CreditKinds.Broken ? "未履行承诺" : "虚假承诺", standing.Restriction);
    }
}
