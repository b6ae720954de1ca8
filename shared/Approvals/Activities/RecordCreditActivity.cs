using Approvals.Stores;
using Microsoft.DurableTask;

namespace Approvals.Activities;

/// <summary>Appends an outcome to the applicant's credit record (信用记录). Idempotent by reference: a retry does not record it twice.</summary>
public sealed class RecordCreditActivity(ICreditLedger ledger) : TaskActivity<CreditOutcome, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, CreditOutcome outcome)
    {
        var existing = await ledger.ReadAsync(outcome.Uscc, CancellationToken.None);
        if (existing.Any(r => r.Reference == outcome.Reference && r.Kind == outcome.Kind)) return false;
        await ledger.AppendAsync(outcome.Uscc, new CreditLedgerEntry(outcome.Kind, outcome.OccurredAt, outcome.Reference, outcome.Details), CancellationToken.None);
        return true;
    }
}
