namespace Approvals.BusinessOpenings;

/// <summary>
/// An instant item (即办事项): a simple convenience trade a new company may start on the day (开户即开业), the permit it
/// needs, and how that permit is granted: <see cref="Route"/> <c>filing</c> (备案: no site inspection, a document
/// post-check) or <c>commitment</c> (告知承诺: granted on the signed <see cref="Commitment"/>, checked on site after).
/// <see cref="PostCheckWorkingDays"/> overrides the policy's default and then needs <see cref="PostCheckSource"/>.
/// </summary>
public sealed record InstantItem
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required string NameEn { get; init; }
    public required string Permit { get; init; }
    public required string PermitEn { get; init; }
    public required string Route { get; init; }
    public required string Department { get; init; }

    /// <summary>The commitment (承诺) the founder signs for a commitment-route item; empty for a filing.</summary>
    public string Commitment { get; init; } = "";

    public int? PostCheckWorkingDays { get; init; }
    public string? PostCheckSource { get; init; }

    /// <summary>"Jining 2020 二/三" for the items the seed names, "city to confirm" for the others.</summary>
    public required string Source { get; init; }

    public bool IsFiling => Route == InstantRoutes.Filing;

    /// <summary>What the post-check looks at: documents for a filing, the site for a commitment permit.</summary>
    public string PostCheckKind => IsFiling ? "document" : "site";
}

/// <summary>The two ways an instant item's permit is granted.</summary>
public static class InstantRoutes
{
    /// <summary>备案: filed, no site inspection; the documents are checked after.</summary>
    public const string Filing = "filing";

    /// <summary>告知承诺: granted on the signed commitment; the site is checked after.</summary>
    public const string Commitment = "commitment";
}
