namespace Approvals.Intake;

/// <summary>The kinds of credit-ledger records the workflow writes.</summary>
public static class CreditKinds
{
    public const string Fulfilled = "fulfilled";
    public const string Broken = "broken";
    public const string FalseCommitment = "false-commitment";
    public const string Revocation = "revocation";

    /// <summary>Credit repair (信用修复): lifts the effect of the record named by its reference.</summary>
    public const string Repair = "repair";
}
