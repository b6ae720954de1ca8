namespace Approvals.Catalog;

/// <summary>
/// A material (材料) as one item requires it. The same code across items means the same document, so it is
/// uploaded once and committed once (一对多).
/// </summary>
/// <param name="Code">Material code shared across items, e.g. <c>LAND-CERT</c>.</param>
/// <param name="Name">Chinese name.</param>
/// <param name="Required">Whether the item needs it.</param>
/// <param name="Commitable">Whether a commitment may stand in for it.</param>
/// <param name="Key">A key (main) material: never missing under acceptance with gaps (容缺受理).</param>
/// <param name="CommitmentClass">The class of a commitment for it (the material's own, or the item's), null when not commitable.</param>
public sealed record CatalogMaterial(string Code, string Name, bool Required, bool Commitable, bool Key, CommitmentClass? CommitmentClass)
{
    /// <summary>
    /// Whether this item accepts the application with this material missing (容缺受理), to be supplied within the commitment
    /// period. Nothing is gap-eligible unless the catalog marks it (Liaocheng 2022 opens 容缺 to 2 services only); never a key material.
    /// </summary>
    public bool GapEligible { get; init; }
}
