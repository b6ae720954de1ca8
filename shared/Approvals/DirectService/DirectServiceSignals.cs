namespace Approvals.DirectService;

/// <summary>
/// External events a booking's orchestration waits for. Visits and supplies keep one name each: the engine delivers
/// events of one name in the order they were raised, so two visits recorded close together both count, in order.
/// </summary>
public static class DirectServiceSignals
{
    public const string Contact = "ds-contact";
    public const string Visit = "ds-visit";
    public const string Supply = "ds-supply";
}

/// <summary>The centre's first contact (第一时间联系): who called, and the team it assigns.</summary>
public sealed record FirstContact(ServiceTeam Team, string ContactedBy, string? Note, DateTimeOffset At);

/// <summary>
/// One on-site visit as the team records it: items accepted (现场受理), approved and printed on site (现场审批出证) with the
/// authority used, sent back to the hall with the reason, accepted by extreme gap (极限容缺受理) lacking key documents,
/// and the plan nodes ticked off (逐项销号).
/// </summary>
public sealed record VisitRecord(
    DateTimeOffset At,
    string RecordedBy,
    IReadOnlyList<string> Accepted,
    IReadOnlyList<OnSiteApproval> Approved,
    IReadOnlyList<HallReferral> ToHall,
    IReadOnlyList<GapAcceptance> GapAccepted,
    IReadOnlyList<string> Ticked,
    string? Note);

/// <summary>An item approved on site under the department's authorisation, decided by its chief approver.</summary>
public sealed record OnSiteApproval(string Item, OnSiteAuthority Authority);

/// <summary>An item that goes back to the hall (回大厅办理), and why.</summary>
public sealed record HallReferral(string Item, string Reason);

/// <summary>An item accepted lacking key documents (要件), on the applicant's commitment to supply them.</summary>
public sealed record GapAcceptance(string Item, IReadOnlyList<string> MissingKeyDocuments);

/// <summary>The applicant supplies the key documents of a gap-accepted item.</summary>
public sealed record KeyDocumentSupply(string Item, IReadOnlyList<SuppliedDocument> Documents, DateTimeOffset At);

public sealed record SuppliedDocument(string MaterialCode, string MaterialId);
