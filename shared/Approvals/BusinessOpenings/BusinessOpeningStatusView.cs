using Approvals.Applications;

namespace Approvals.BusinessOpenings;

/// <summary>
/// A business opening's published status (the orchestration's custom status): <see cref="Status"/> is submitted,
/// post-check-due (licence and permits issued together, 证照同发), verified (every post-check passed) or
/// permit-revoked (a broken commitment revoked its permit; the licence stays valid); the company's USCC from the
/// licence on; each item with its certificate and post-check; the worst light of the open post-checks.
/// </summary>
public sealed record BusinessOpeningStatusView : Orchestrations.TimelineView
{
    public required string CaseId { get; init; }
    public required string Founder { get; init; }
    public string? FounderName { get; init; }
    public required string CompanyName { get; init; }
    public required string BusinessScope { get; init; }
    public required string Status { get; init; }
    public string? Uscc { get; init; }
    public required DateTimeOffset SubmittedAt { get; init; }
    public DateTimeOffset? IssuedAt { get; init; }
    public required string LicenceDepartment { get; init; }
    public CertificateView? Licence { get; init; }
    public IReadOnlyList<InstantItemView> Items { get; init; } = [];

    /// <summary>The worst light of the post-checks still due (red, yellow, green), or null when none is due.</summary>
    public string? Light { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>Whether <paramref name="department"/> issues the licence or one of the permits.</summary>
    public bool Concerns(string department) =>
        string.Equals(LicenceDepartment, department, StringComparison.OrdinalIgnoreCase) ||
        Items.Any(i => string.Equals(i.Department, department, StringComparison.OrdinalIgnoreCase));
}
