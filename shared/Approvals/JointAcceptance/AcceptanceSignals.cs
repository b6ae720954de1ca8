namespace Approvals.JointAcceptance;

/// <summary>A department's findings at the joint site inspection (现场联合勘验).</summary>
public sealed record SiteFindings(string Department, string Findings, DateTimeOffset At);

/// <summary>
/// A department's opinion on one item: <c>pass</c>, or <c>fail</c> with the rectification items (整改意见) the applicant
/// must fix before the item is inspected again.
/// </summary>
public sealed record DepartmentAcceptanceOpinion(string Department, string Item, string Result, string? Opinion, IReadOnlyList<string> Rectifications, DateTimeOffset At)
{
    public bool Passed => Result == "pass";
}

/// <summary>The applicant reports the failed items rectified.</summary>
public sealed record RectificationReport(string? Note, DateTimeOffset At);

/// <summary>A certificate number answered by another authority (archives, real-estate registration).</summary>
public sealed record CertificateNumberAnswer(string Number, DateTimeOffset At);
