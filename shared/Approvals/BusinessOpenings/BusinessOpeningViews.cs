using Approvals.Applications;

namespace Approvals.BusinessOpenings;

/// <summary>
/// One instant item of a business opening as published: its permit's certificate (or filing) and its post-check.
/// <see cref="PostCheckStatus"/> is pending (before issue), due, verified or broken; <see cref="Light"/> is green, yellow
/// or red while due. A post-check not recorded by its due date stays due with a red light: it is never assumed done.
/// </summary>
public sealed record InstantItemView
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required string Permit { get; init; }
    public required string Route { get; init; }
    public required string Department { get; init; }
    public required string DepartmentName { get; init; }
    public required string PostCheckKind { get; init; }
    public string Commitment { get; init; } = "";
    public CertificateView? Certificate { get; init; }
    public DateTimeOffset? IssuedAt { get; init; }
    public string PostCheckStatus { get; init; } = "pending";
    public int PostCheckWorkingDays { get; init; }
    public DateTimeOffset? DueAt { get; init; }
    public bool Provisional { get; init; }
    public string? Light { get; init; }
    public string? Finding { get; init; }
    public string? Inspector { get; init; }
    public DateTimeOffset? CheckedAt { get; init; }
    public bool Late { get; init; }
}
