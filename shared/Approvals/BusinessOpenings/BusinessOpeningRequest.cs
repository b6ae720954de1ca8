namespace Approvals.BusinessOpenings;

/// <summary>
/// What a founder submits in one go (一窗通): the company to be registered, its business scope (经营范围), the instant
/// items (即办事项) it wants to start with, and the items whose commitment (承诺书) the founder signs. A new company has
/// no USCC yet: the case is keyed by its application number, and the founder by the caller's identity.
/// </summary>
public sealed record BusinessOpeningRequest
{
    public string? CompanyName { get; init; }
    public string? FounderName { get; init; }
    public string? BusinessScope { get; init; }
    public IReadOnlyList<string?>? Items { get; init; }

    /// <summary>Item codes whose commitment the founder signs; every commitment-route item needs one.</summary>
    public IReadOnlyList<string?>? Commitments { get; init; }
}
