namespace Approvals.Calls;

/// <summary>
/// An assignment slip (交办单): the unit, the person responsible (责任人) and the deadline (时限) of one round of a call.
/// A call is assigned only with a slip, and a slip only with a person and a deadline (<see cref="Create"/>).
/// </summary>
public sealed record AssignmentSlip(
    int Round,
    string Unit,
    string UnitName,
    string Person,
    DateTimeOffset IssuedAt,
    int WorkingDays,
    DateTimeOffset DueAt,
    DateTimeOffset YellowAt,
    bool Provisional)
{
    /// <summary>A slip, or the reason there can be none (no person, no working days, a deadline not after the issue).</summary>
    public static (AssignmentSlip? Slip, string? Problem) Create(int round, CallUnit unit, DateTimeOffset issuedAt, int workingDays,
        DateTimeOffset dueAt, DateTimeOffset yellowAt, bool provisional)
    {
        if (string.IsNullOrWhiteSpace(unit.Responsible)) return (null, $"{unit.Code} 未指定责任人，不能交办 / names no responsible person: no assignment without one");
        if (workingDays < 1 || dueAt <= issuedAt) return (null, $"{unit.Code} 交办单须有时限 / an assignment slip needs a deadline after its issue");
        return (new AssignmentSlip(round, unit.Code, unit.Name, unit.Responsible!, issuedAt, workingDays, dueAt, yellowAt, provisional), null);
    }
}
