namespace Approvals.Catalog;

/// <summary>
/// An item (事项) of the published catalog (事项清单): one approval, filing or acceptance owned by one department,
/// with its time limit in working days (and where that number comes from), materials, commitment and verification rules.
/// </summary>
public sealed record CatalogItem
{
    public required string Code { get; init; }

    /// <summary>Chinese name, e.g. 建筑工程施工许可证核发.</summary>
    public required string Name { get; init; }

    public required string NameEn { get; init; }

    /// <summary>Code of the owning department.</summary>
    public required string Department { get; init; }

    public required ItemKind Kind { get; init; }

    public required Procedure Procedure { get; init; }

    /// <summary>The stage of a joint-acceptance item; null for construction-stage items.</summary>
    public AcceptanceStage? Stage { get; init; }

    public required int TimeLimitWorkingDays { get; init; }

    /// <summary>Where <see cref="TimeLimitWorkingDays"/> comes from: a seed and measure, or "local default, configurable".</summary>
    public string TimeLimitSource { get; init; } = "";

    public required IReadOnlyList<CatalogMaterial> Materials { get; init; }

    /// <summary>Whether the applicant may take the commitment route (告知承诺) for this item.</summary>
    public required bool CommitmentAllowed { get; init; }

    /// <summary>The item's commitment class; materials may override it.</summary>
    public CommitmentClass? CommitmentClass { get; init; }

    /// <summary>Unattended approval (无干预智能审批): approved by the system on form and commitment, verified afterwards.</summary>
    public required bool AutoApprove { get; init; }

    /// <summary>The verification rule of the item's commitments; null when commitment is not allowed.</summary>
    public VerificationRule? Verification { get; init; }

    /// <summary>The item's material of that code, or null.</summary>
    public CatalogMaterial? Material(string code) => Materials.FirstOrDefault(m => string.Equals(m.Code, code, StringComparison.Ordinal));
}
