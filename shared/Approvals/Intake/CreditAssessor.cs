using Approvals.Stores;
using static Approvals.Calendar.ShanghaiTime;

namespace Approvals.Intake;

/// <summary>
/// Reads an applicant's credit chain into what it allows (Shandong measure 31): a false commitment bars the
/// commitment route and gap acceptance for <see cref="CreditPolicy.FalseBarMonths"/>, a broken one for
/// <see cref="CreditPolicy.BrokenBarMonths"/>, unless repaired once the minimum publicity period has passed.
/// </summary>
public sealed class CreditAssessor(CreditPolicy policy)
{
    public CreditStanding Assess(string uscc, IReadOnlyList<CreditLedgerRecord> records, DateTimeOffset now)
    {
        var repaired = records.Where(r => r.Kind == CreditKinds.Repair).Select(r => r.Reference).ToHashSet(StringComparer.Ordinal);
        var active = records
            .Where(r => !repaired.Contains(r.Reference))
            .Select(Finding)
            .OfType<CreditFinding>()
            .Where(f => f.EffectiveUntil > now)
            .ToList();

        var falseOne = active.Where(f => f.Kind == CreditKinds.FalseCommitment).MaxBy(f => f.EffectiveUntil);
        if (falseOne is not null)
        {
            return new CreditStanding(uscc, "D", false, false,
                $"虚假承诺 {falseOne.Reference}（{Date(falseOne.OccurredAt)}）：{Date(falseOne.EffectiveUntil)} 前不得适用告知承诺，信用修复除外 / false commitment {falseOne.Reference} on {Date(falseOne.OccurredAt)}: commitment route barred until {Date(falseOne.EffectiveUntil)} unless repaired",
                falseOne.EffectiveUntil, active);
        }
        var broken = active.Where(f => f.Kind == CreditKinds.Broken).MaxBy(f => f.EffectiveUntil);
        if (broken is not null)
        {
            return new CreditStanding(uscc, "C", false, false,
                $"未履行承诺 {broken.Reference}（{Date(broken.OccurredAt)}）：{Date(broken.EffectiveUntil)} 前不得适用告知承诺，信用修复除外 / broken commitment {broken.Reference} on {Date(broken.OccurredAt)}: commitment route barred until {Date(broken.EffectiveUntil)} unless repaired",
                broken.EffectiveUntil, active);
        }
        var good = records.Any(r => r.Kind == CreditKinds.Fulfilled && r.OccurredAt.AddMonths(policy.GoodRecordMonths) > now);
        return new CreditStanding(uscc, good ? "A" : "B", true, true, null, null, active);
    }

    /// <summary>Whether the record named by <paramref name="reference"/> may be repaired now, and why not.</summary>
    public (bool Allowed, string Reason) CanRepair(IReadOnlyList<CreditLedgerRecord> records, string reference, DateTimeOffset now)
    {
        if (records.Any(r => r.Kind == CreditKinds.Repair && r.Reference == reference)) return (false, $"{reference} was repaired before");
        var finding = records.Where(r => r.Reference == reference).Select(Finding).OfType<CreditFinding>().FirstOrDefault();
        if (finding is null) return (false, $"no bad record {reference} to repair");
        if (finding.EffectiveUntil <= now) return (false, $"{reference} 已于 {Date(finding.EffectiveUntil)} 到期 / {reference} has already expired on {Date(finding.EffectiveUntil)}");
        if (finding.RepairableFrom > now) return (false, $"{reference} 须自 {Date(finding.RepairableFrom)} 起方可修复 / {reference} may be repaired only from {Date(finding.RepairableFrom)} (minimum publicity period)");
        return (true, "repairable");
    }

    /// <summary>Periods in months run on the Shanghai calendar: a record of 31 January ends on a 31 January there too.</summary>
    private CreditFinding? Finding(CreditLedgerRecord record) => record.Kind switch
    {
        CreditKinds.FalseCommitment => new(record.Kind, record.Reference, record.OccurredAt,
            Local(record.OccurredAt).AddMonths(policy.FalseBarMonths), Local(record.OccurredAt).AddMonths(policy.FalseRepairAfterMonths)),
        CreditKinds.Broken => new(record.Kind, record.Reference, record.OccurredAt,
            Local(record.OccurredAt).AddMonths(policy.BrokenBarMonths), Local(record.OccurredAt).AddMonths(policy.BrokenRepairAfterMonths)),
        _ => null,
    };
}
