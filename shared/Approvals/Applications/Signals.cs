namespace Approvals.Applications;

/// <summary>
/// External events the approval orchestration waits for. Names are built here only, so the API, the queue
/// handler and the orchestration agree.
/// </summary>
public static class Signals
{
    public static string Decision(string department, string item) => $"decision:{department.ToUpperInvariant()}:{item.ToUpperInvariant()}";

    public const string Resubmission = "resubmission";

    public static string MaterialSupplied(string materialCode) => $"material:{materialCode.ToUpperInvariant()}";

    public static string Inspection(string commitmentId) => $"inspection:{commitmentId}";
}

/// <summary>A department's decision on one item (api.md queue message).</summary>
public sealed record DepartmentDecision(string MessageId, string Department, string Item, string Decision, string? Opinion, string? Reviewer, DateTimeOffset DecidedAt);

/// <summary>The applicant's answer to a one-time notice.</summary>
public sealed record Resubmission(IReadOnlyList<SuppliedMaterial> Materials, string? Note, DateTimeOffset At);

public sealed record SuppliedMaterial(string MaterialCode, string MaterialId);

/// <summary>A verification result for a commitment: pass, fail (broken) or false (虚假承诺).</summary>
public sealed record InspectionResult(string CommitmentId, string Result, string? Findings, string Department, DateTimeOffset At);
